package io.compliancestreams.streams.practices.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class AttachedEbsVolumesEncryptedTest {

  private static final ResourceRef VOLUME =
      new ResourceRef(
          "111122223333",
          "eu-west-1",
          "AWS::EC2::Volume",
          "vol-0a1b2c3d4e5f60718",
          "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0a1b2c3d4e5f60718");

  private final AttachedEbsVolumesEncrypted practice = new AttachedEbsVolumesEncrypted();


  @Test
  void shouldPassWhenAttachedVolumeIsEncrypted() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-attached-encrypted.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(VOLUME);
    assertThat(e.reason())
        .contains("vol-0a1b2c3d4e5f60718", "i-0f1e2d3c4b5a69788", "is encrypted", "key/1234abcd");
  }

  @Test
  void shouldFailWhenAttachedVolumeIsNotEncrypted() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-attached-unencrypted.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(VOLUME);
    assertThat(e.reason())
        .isEqualTo(
            "Volume vol-0a1b2c3d4e5f60718 attached to i-0f1e2d3c4b5a69788 (/dev/xvda) is not"
                + " encrypted");
  }

  @Test
  void shouldFailNamingEveryInstanceOfAMultiAttachVolume() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-multi-attach-unencrypted.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource().resourceId()).isEqualTo("vol-03c4d5e6f7a8b9c0d");
    assertThat(e.reason()).contains("i-0aa11bb22cc33dd44", "i-0ee55ff66aa77bb88");
  }

  @Test
  void shouldTreatAnAttachingVolumeAsAttached() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-attaching-unencrypted.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void shouldNotApplyToAnUnattachedVolume() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "na-unattached.json");
    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.resource()).isEqualTo(VOLUME);
    assertThat(e.reason()).contains("not attached", "state available");
  }

  @Test
  void shouldNotApplyWhenTheOnlyAttachmentIsDetached() {
    assertThat(PracticeFixtures.evaluateOne(practice, "na-detached-attachment.json").status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void shouldReportErrorNamingTheFieldWhenEncryptedIsNotABoolean() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-encrypted-not-boolean.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(VOLUME);
    assertThat(e.reason()).contains("configuration.encrypted", "expected true or false");
  }
}
