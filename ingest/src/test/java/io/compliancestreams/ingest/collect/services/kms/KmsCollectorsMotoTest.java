package io.compliancestreams.ingest.collect.services.kms;

import static io.compliancestreams.ingest.collect.services.CollectorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.services.MotoTestBase;
import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * The KMS key collector against a real moto server (customer keys; moto has no AWS managed keys
 * and does not paginate ListKeys, see KmsCollectorsWireMockTest).
 */
class KmsCollectorsMotoTest extends MotoTestBase {

  @Test
  void shouldCollectCustomerKeysInAwsConfigShape() {
    var kms = harness.clients().kms();
    KeyMetadata key = kms.createKey(r -> r.description("orders database encryption")).keyMetadata();

    List<ResourceSnapshot> snapshots = harness.collect(new KeyCollector(1000));

    assertThat(snapshots).hasSize(1);
    ResourceSnapshot s = snapshots.get(0);
    SnapshotAssert.envelope(s, "AWS::KMS::Key", key.keyId(), REGION, key.arn(), null);
    assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + key.keyId());
    // moto leaves out KeyUsage and MultiRegion when the key was created without them (real KMS
    // answers ENCRYPT_DECRYPT and false); KmsCollectorsWireMockTest shows the full response.
    SnapshotAssert.configuration(s, """
        {"awsaccountId": "%s", "keyId": "%s", "arn": "%s", "creationDate": "%s", "enabled": true,
         "description": "orders database encryption", "keyUsage": null, "keyState": "Enabled",
         "deletionDate": null, "origin": "AWS_KMS", "keyManager": "CUSTOMER",
         "customerMasterKeySpec": "SYMMETRIC_DEFAULT", "keySpec": "SYMMETRIC_DEFAULT",
         "encryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "signingAlgorithms": [], "multiRegion": null,
         "pendingDeletionWindowInDays": null}
        """.formatted(ACCOUNT, key.keyId(), key.arn(), ApiJson.iso(key.creationDate())));
  }

  @Test
  void shouldCollectAKeyPendingDeletionWithItsDeletionDate() {
    var kms = harness.clients().kms();
    String keyId = kms.createKey(r -> r.description("to delete")).keyMetadata().keyId();
    var scheduled = kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));

    var config = io.compliancestreams.ingest.collect.services.CollectorHarness.json(
        only(harness.collect(new KeyCollector(1000)), keyId).getConfiguration());

    assertThat(config.get("keyState").textValue()).isEqualTo("PendingDeletion");
    assertThat(config.get("deletionDate").textValue()).isEqualTo(ApiJson.iso(scheduled.deletionDate()));
    assertThat(config.get("enabled").booleanValue()).isFalse();
  }

  @Test
  void shouldCollectEveryKeyWhenThereAreMoreThanAPage() {
    var kms = harness.clients().kms();
    List<String> ids = IntStream.range(0, 7).mapToObj(i -> kms.createKey(r -> r.description("k" + i))
        .keyMetadata().keyId()).toList();

    assertThat(harness.collect(new KeyCollector(5))).extracting(ResourceSnapshot::getResourceId)
        .containsExactlyInAnyOrderElementsOf(ids);
  }
}
