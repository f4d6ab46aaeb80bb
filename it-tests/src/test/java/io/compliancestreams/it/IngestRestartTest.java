package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.IngestNode;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.streams.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The ingest service keeps its scan inventory in Kafka: a user deleted while the service was down
 * is reported deleted by the start-up scan of the next service, which has never seen that user, and
 * that service then tombstones the user's inventory record.
 */
class IngestRestartTest {

  private static final String ACCOUNT = "123456789012";

  @Test
  void shouldReportAResourceDeletedWhileTheServiceWasDownInTheFirstScanAfterARestart() throws Exception {
    Topics topics = new Topics("restart-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    // The SDK's default credential chain reads these, as it would AWS_ACCESS_KEY_ID etc.
    System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_ACCESS_KEY);
    try (AwsEmulator aws = AwsEmulator.start(); KafkaBroker broker = KafkaBroker.start();
        IamClient iam = IamClient.builder().endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL)
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY))).build()) {
      iam.createUser(u -> u.userName("stays"));
      String leaverId = iam.createUser(u -> u.userName("leaver")).user().userId();
      AppConfig config = IngestFixture.config(broker, aws, topics, Map.of());
      String leaverInventoryKey = ACCOUNT + "/global/iam.users|" + ACCOUNT + "/global/AWS::IAM::User/" + leaverId;

      List<String> leaverRecords = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> inventory = IngestFixture.reader(broker, topics.inventory())) {
        try (IngestNode first = IngestNode.start(config)) {
          await("the first service's start-up scan saved in the inventory topic").atMost(Duration.ofMinutes(2))
              .until(() -> {
                pollInventory(inventory, leaverInventoryKey, leaverRecords);
                return leaverRecords.contains("value");
              });
        }
        iam.deleteUser(u -> u.userName("leaver"));

        try (KafkaConsumer<String, byte[]> snapshots = IngestFixture.reader(broker, topics.snapshots());
            IngestNode second = IngestNode.start(config)) {
          List<ResourceSnapshot> seen = new ArrayList<>();
          await("the restarted service's first scan reports the user deleted").atMost(Duration.ofMinutes(2))
              .until(() -> {
                IngestFixture.pollSnapshots(snapshots, seen);
                return deletions(seen).size() >= 2;
              });

          assertThat(deletions(seen)).allSatisfy(s -> {
            assertThat(s.getSource()).isEqualTo(SnapshotSource.SCAN);
            assertThat(s.getAccountId()).isEqualTo(ACCOUNT);
            assertThat(s.getAwsRegion()).isEqualTo("global");
            assertThat(s.getResourceId()).isEqualTo(leaverId);
            assertThat(s.getResourceName()).isEqualTo("leaver");
            assertThat(s.getArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/leaver");
          }).extracting(ResourceSnapshot::getResourceType).containsExactlyInAnyOrder(
              "AWS::IAM::User", "ComplianceStreams::IAM::UserCredentials");
          assertThat(seen).as("the scans of both services")
              .anyMatch(s -> "stays".equals(s.getResourceName()) && !isDeleted(s));
          await("the restarted service's inventory no longer holds the user").atMost(Duration.ofMinutes(1))
              .until(() -> {
                pollInventory(inventory, leaverInventoryKey, leaverRecords);
                return leaverRecords.equals(List.of("value", "tombstone"));
              });
        }
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  /** Notes each record of {@code key}: "value", or "tombstone" for a null value. */
  private static void pollInventory(KafkaConsumer<String, byte[]> inventory, String key, List<String> into) {
    inventory.poll(Duration.ofMillis(500)).forEach(r -> {
      if (r.key().equals(key)) {
        into.add(r.value() == null ? "tombstone" : "value");
      }
    });
  }

  private static List<ResourceSnapshot> deletions(List<ResourceSnapshot> seen) {
    return seen.stream().filter(IngestRestartTest::isDeleted).toList();
  }

  private static boolean isDeleted(ResourceSnapshot s) {
    return s.getConfigurationItemStatus() == ConfigurationItemStatus.ResourceDeleted;
  }
}

