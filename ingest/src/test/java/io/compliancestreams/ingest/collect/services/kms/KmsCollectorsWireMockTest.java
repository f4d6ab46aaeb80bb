package io.compliancestreams.ingest.collect.services.kms;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.ingest.collect.services.WireMockTestBase;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The KMS key collector against WireMock, for what moto cannot show: AWS managed keys (moto creates
 * only customer keys) and ListKeys paging (moto ignores Limit and never truncates). Responses are
 * ListKeys / DescribeKey as the KMS API reference shows them (JSON 1.1, X-Amz-Target
 * TrentService.*, epoch-second timestamps).
 */
class KmsCollectorsWireMockTest extends WireMockTestBase {

  private static final String MANAGED = "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";
  private static final String CUSTOMER = "1234abcd-12ab-34cd-56ef-1234567890ab";

  @Test
  void shouldFollowListKeysPagesAndIncludeAwsManagedKeys() {
    answerJson("TrentService.ListKeys", matchingJsonPath("$.Marker", equalTo("page-2")), """
        {"Keys": [{"KeyId": "%s", "KeyArn": "%s"}], "Truncated": false}
        """.formatted(CUSTOMER, arn(CUSTOMER)));
    answerJson("TrentService.ListKeys", matchingJsonPath("$.Limit", equalTo("1")), """
        {"Keys": [{"KeyId": "%s", "KeyArn": "%s"}], "NextMarker": "page-2", "Truncated": true}
        """.formatted(MANAGED, arn(MANAGED)));
    answerJson("TrentService.DescribeKey", matchingJsonPath("$.KeyId", equalTo(arn(MANAGED))), """
        {"KeyMetadata": {"AWSAccountId": "111122223333", "KeyId": "%s", "Arn": "%s",
          "CreationDate": 1757837575.301, "Enabled": true,
          "Description": "Default key that protects my EBS volumes when no other key is defined",
          "KeyUsage": "ENCRYPT_DECRYPT", "KeyState": "Enabled", "Origin": "AWS_KMS", "KeyManager": "AWS",
          "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT", "KeySpec": "SYMMETRIC_DEFAULT",
          "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "MultiRegion": false}}
        """.formatted(MANAGED, arn(MANAGED)));
    answerJson("TrentService.DescribeKey", matchingJsonPath("$.KeyId", equalTo(arn(CUSTOMER))), """
        {"KeyMetadata": {"AWSAccountId": "111122223333", "KeyId": "%s", "Arn": "%s",
          "CreationDate": 1757837575.301, "Enabled": false, "Description": "orders database encryption",
          "KeyUsage": "ENCRYPT_DECRYPT", "KeyState": "PendingDeletion", "DeletionDate": 1781513212,
          "PendingDeletionWindowInDays": 30, "Origin": "AWS_KMS", "KeyManager": "CUSTOMER",
          "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT", "KeySpec": "SYMMETRIC_DEFAULT",
          "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "MultiRegion": false}}
        """.formatted(CUSTOMER, arn(CUSTOMER)));

    List<ResourceSnapshot> snapshots = harness.collect(new KeyCollector(1));

    server.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.Limit", equalTo("1"))));
    assertThat(snapshots).extracting(ResourceSnapshot::getResourceId).containsExactly(MANAGED, CUSTOMER);
    SnapshotAssert.envelope(snapshots.get(0), "AWS::KMS::Key", MANAGED, REGION, arn(MANAGED), null);
    SnapshotAssert.configuration(snapshots.get(0), """
        {"awsaccountId": "111122223333", "keyId": "%s", "arn": "%s", "creationDate": "2025-09-14T08:12:55.301Z",
         "enabled": true, "description": "Default key that protects my EBS volumes when no other key is defined",
         "keyUsage": "ENCRYPT_DECRYPT", "keyState": "Enabled", "deletionDate": null, "origin": "AWS_KMS",
         "keyManager": "AWS", "customerMasterKeySpec": "SYMMETRIC_DEFAULT", "keySpec": "SYMMETRIC_DEFAULT",
         "encryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "signingAlgorithms": [], "multiRegion": false,
         "pendingDeletionWindowInDays": null}
        """.formatted(MANAGED, arn(MANAGED)));
    SnapshotAssert.configuration(snapshots.get(1), """
        {"awsaccountId": "111122223333", "keyId": "%s", "arn": "%s", "creationDate": "2025-09-14T08:12:55.301Z",
         "enabled": false, "description": "orders database encryption", "keyUsage": "ENCRYPT_DECRYPT",
         "keyState": "PendingDeletion", "deletionDate": "2026-06-15T08:46:52.000Z", "origin": "AWS_KMS",
         "keyManager": "CUSTOMER", "customerMasterKeySpec": "SYMMETRIC_DEFAULT", "keySpec": "SYMMETRIC_DEFAULT",
         "encryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "signingAlgorithms": [], "multiRegion": false,
         "pendingDeletionWindowInDays": 30}
        """.formatted(CUSTOMER, arn(CUSTOMER)));
  }

  private static String arn(String keyId) {
    return "arn:aws:kms:eu-west-1:111122223333:key/" + keyId;
  }
}
