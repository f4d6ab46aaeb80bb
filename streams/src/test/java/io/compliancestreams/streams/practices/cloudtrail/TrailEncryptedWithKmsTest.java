package io.compliancestreams.streams.practices.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailEncryptedWithKmsTest {

  private final TrailEncryptedWithKms practice = new TrailEncryptedWithKms();

  private Evaluation only(String fixture, String account, String region, String trail) {
    List<Evaluation> evaluations = PracticeFixtures.evaluate(practice, fixture);
    assertThat(evaluations).hasSize(1);
    Evaluation e = evaluations.get(0);
    assertThat(e.practice()).isEqualTo(13);
    assertThat(e.resource().resourceType()).isEqualTo("AWS::CloudTrail::Trail");
    assertThat(e.resource().resourceId()).isEqualTo(trail);
    assertThat(e.resource().accountId()).isEqualTo(account);
    assertThat(e.resource().region()).isEqualTo(region);
    return e;
  }

  @Test
  void shouldPassWhenTheTrailHasAKmsKey() {
    Evaluation e = only("pass-kms-key.json", "111122223333", "us-east-1", "management-events");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("key/6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
  }

  @Test
  void shouldFailWhenTheTrailHasNoKmsKey() {
    Evaluation e = only("fail-no-kms-key.json", "111122223333", "eu-west-1", "eu-app-trail");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("eu-app-trail").contains("kmsKeyId is not set");
  }

  @Test
  void shouldNotDuplicateTheFindingForAShadowCopy() {
    Evaluation e = only("na-shadow-copy.json", "111122223333", "eu-west-1", "management-events");

    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.reason()).contains("shadow copy in eu-west-1").contains("home Region is us-east-1");
  }

  @Test
  void shouldLeaveAnOrganizationTrailToItsOwningAccount() {
    Evaluation e =
        only("na-organization-trail-in-member.json", "444455556666", "us-east-1", "o-a1b2c3d4e5-org-trail");

    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.reason()).contains("owned by account 111122223333");
  }

  @Test
  void shouldReportErrorWhenTheKeyIdIsNotAString() {
    Evaluation e = only("error-kms-key-not-a-string.json", "111122223333", "us-east-1", "management-events");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("configuration.kmsKeyId");
  }
}
