package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.IngestNode;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.streams.topology.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The long-running `ingest` service on a real broker and moto, with a second account reached
 * through a configured role: the start-up scan covers both accounts, and a targeted rescan
 * reaches each account with that account's credentials — a user that exists only in the member
 * account comes back as it is (not deleted), and a rescan for an account out of reach publishes
 * nothing.
 */
class IngestServiceTest {

  private static final String CALLER = "123456789012";
  private static final String MEMBER = "222233334444";
  private static final String UNREACHABLE = "555566667777";
  private static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/ComplianceStreamsReadOnly";
  private static final String USER = "AWS::IAM::User";

  @Test
  void shouldRescanEachAccountWithItsOwnCredentials() throws Exception {
    Topics topics = new Topics("ingest-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    // The SDK's default credential chain reads these, as it would AWS_ACCESS_KEY_ID etc.
    System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_ACCESS_KEY);
    try (AwsEmulator aws = AwsEmulator.start(); KafkaBroker broker = KafkaBroker.start()) {
      try (IamClient iam = IamClient.builder().endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL)
          .credentialsProvider(memberCredentials(aws)).build()) {
        iam.createUser(u -> u.userName("member-only-user"));
      }
      // The service creates its topics, as the streams app does.
      AppConfig config = IngestFixture.config(broker, aws, topics, Map.of("INGEST_ASSUME_ROLE_ARNS", ROLE));

      try (IngestNode node = IngestNode.start(config);
          KafkaConsumer<String, byte[]> snapshots = IngestFixture.reader(broker, topics.snapshots())) {
        List<ResourceSnapshot> seen = new ArrayList<>();
        await("the start-up scan of both accounts").atMost(Duration.ofMinutes(2)).until(() -> {
          IngestFixture.pollSnapshots(snapshots, seen);
          return seen.stream().anyMatch(s -> s.getSource() == SnapshotSource.SCAN
              && s.getAccountId().equals(MEMBER) && "member-only-user".equals(s.getResourceName()));
        });
        assertThat(seen).extracting(ResourceSnapshot::getAccountId).contains(CALLER, MEMBER);

        // The unreachable account's request first: once the member's answer is out, it was handled.
        send(broker, topics, request(UNREACHABLE, "someone"));
        send(broker, topics, request(MEMBER, "member-only-user"));
        await("the member's rescan").atMost(Duration.ofMinutes(1)).until(() -> {
          IngestFixture.pollSnapshots(snapshots, seen);
          return seen.stream().anyMatch(s -> s.getSource() == SnapshotSource.RESCAN);
        });
        IngestFixture.pollSnapshots(snapshots, seen);
        List<ResourceSnapshot> rescanned = seen.stream().filter(s -> s.getSource() == SnapshotSource.RESCAN).toList();
        assertThat(rescanned).singleElement().satisfies(s -> {
          assertThat(s.getAccountId()).isEqualTo(MEMBER);
          assertThat(s.getResourceName()).isEqualTo("member-only-user");
          assertThat(s.getConfigurationItemStatus()).as("found with the member's credentials, not deleted")
              .isEqualTo(ConfigurationItemStatus.OK);
        });
        assertThat(seen).noneMatch(s -> s.getAccountId().equals(UNREACHABLE));
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private static RescanRequest request(String account, String userName) {
    return RescanRequest.newBuilder().setRequestId(UUID.randomUUID().toString()).setAccountId(account)
        .setRegion("global").setResourceType(USER).setResourceId(userName)
        .setReason("cloudtrail:iam.amazonaws.com/AttachUserPolicy").setRequestedAt(Instant.now()).build();
  }

  private static void send(KafkaBroker broker, Topics topics, RescanRequest request) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer())) {
      byte[] value = AvroSerdes.rescanRequest(SerdeConfig.singleObject()).serializer()
          .serialize(topics.rescans(), request);
      producer.send(new ProducerRecord<>(topics.rescans(), request.getAccountId() + "/" + request.getResourceId(),
          value)).get();
    }
  }

  private static StaticCredentialsProvider memberCredentials(AwsEmulator aws) {
    try (StsClient sts = StsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY))).build()) {
      Credentials c = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("it-setup")).credentials();
      return StaticCredentialsProvider.create(
          AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
  }
}
