package io.compliancestreams.streams.practices.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class KmsKeyNotPendingDeletionTest {

  private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

  private final KmsKeyNotPendingDeletion practice = new KmsKeyNotPendingDeletion();


  private static ResourceRef key(String id) {
    return new ResourceRef(
        "111122223333",
        "eu-west-1",
        "AWS::KMS::Key",
        id,
        "arn:aws:kms:eu-west-1:111122223333:key/" + id);
  }

  @Test
  void shouldPassAnEnabledCustomerKey() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-enabled-customer-key.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(key(KEY_ID));
    assertThat(e.reason())
        .isEqualTo("Customer managed key " + KEY_ID + " is Enabled, not scheduled for deletion");
  }

  @Test
  void shouldPassADisabledCustomerKey() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-disabled-customer-key.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("is Disabled, not scheduled for deletion");
  }

  @Test
  void shouldFailAKeyPendingDeletionNamingTheDate() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-pending-deletion.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(key(KEY_ID));
    assertThat(e.reason())
        .isEqualTo(
            "Customer managed key "
                + KEY_ID
                + " is scheduled for deletion on 2026-06-15T08:40:12.000Z");
  }

  @Test
  void shouldFailAMultiRegionPrimaryPendingReplicaDeletion() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-pending-replica-deletion.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(key("mrk-4f8a2c6e1b3d4e5f9a0b7c8d6e2f1a3b"));
    assertThat(e.reason()).contains("waiting for its replicas' deletion");
  }

  @Test
  void shouldNotApplyToAnAwsManagedKey() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "na-aws-managed-key.json");
    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.resource()).isEqualTo(key("0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d"));
    assertThat(e.reason()).contains("AWS managed");
  }

  @Test
  void shouldReportErrorWhenKeyManagerIsMissing() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-key-manager-missing.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("configuration.keyManager", "is missing");
  }
}
