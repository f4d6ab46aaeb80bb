package io.compliancestreams.streams.practices.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class EbsSnapshotNotPublicTest {

  private static final ResourceRef SNAPSHOT =
      new ResourceRef(
          "111122223333",
          "eu-west-1",
          "ComplianceStreams::EC2::Snapshot",
          "snap-0f3c2b1a9e8d7c6b5",
          "arn:aws:ec2:eu-west-1::snapshot/snap-0f3c2b1a9e8d7c6b5");

  private final EbsSnapshotNotPublic practice = new EbsSnapshotNotPublic();


  @Test
  void shouldPassWhenSnapshotHasNoCreateVolumePermission() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-private.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(SNAPSHOT);
    assertThat(e.reason())
        .isEqualTo(
            "Snapshot snap-0f3c2b1a9e8d7c6b5 (of vol-0a1b2c3d4e5f60718) is not public: it has no"
                + " create-volume permission");
  }

  @Test
  void shouldPassWhenSnapshotIsSharedWithANamedAccountOnly() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-shared-with-one-account.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).endsWith("shared with account 444455556666 only");
  }

  @Test
  void shouldFailWhenCreateVolumePermissionGrantsGroupAll() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-public.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(SNAPSHOT);
    assertThat(e.reason())
        .isEqualTo(
            "Snapshot snap-0f3c2b1a9e8d7c6b5 (of vol-0a1b2c3d4e5f60718) is public: its"
                + " create-volume permission grants group 'all'");
  }

  @Test
  void shouldNotApplyToASnapshotOwnedByAnotherAccount() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "na-owned-by-another-account.json");
    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.resource().resourceId()).isEqualTo("snap-02468ace13579bdf0");
    assertThat(e.reason()).contains("owned by account 444455556666");
  }

  @Test
  void shouldReportErrorWhenPermissionsWereNotCollected() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-permissions-not-collected.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(SNAPSHOT);
    assertThat(e.reason()).contains("configuration.CreateVolumePermissions", "is missing");
  }
}
