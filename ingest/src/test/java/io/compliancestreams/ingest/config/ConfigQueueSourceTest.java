package io.compliancestreams.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.publish.DeadLetter;
import io.compliancestreams.ingest.publish.FakePublisher;
import io.compliancestreams.ingest.publish.SqsQueuePoller;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The AWS Config source against moto's SQS and S3, publishing to an in-memory publisher. */
class ConfigQueueSourceTest {

  private static final String BUCKET = "config-bucket-111122223333";
  private static AwsEmulator emulator;
  private static AwsClients aws;

  private final FakePublisher publisher = new FakePublisher();
  private final JsonNode item = ConfigurationItemMapperTest.fixture("s3-bucket-item.json");
  private String queueUrl;

  @BeforeAll
  static void startEmulator() {
    emulator = AwsEmulator.start();
    aws = AwsClients.create(AwsSettings.emulator(emulator.endpoint(), StaticCredentialsProvider.create(
        AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY))),
        AwsEmulator.REGION, new CallCounter());
    aws.s3().createBucket(r -> r.bucket(BUCKET));
  }

  @AfterAll
  static void stopEmulator() {
    aws.close();
    emulator.close();
  }

  @BeforeEach
  void createQueue() {
    queueUrl = aws.sqs().createQueue(r -> r.queueName("config-" + UUID.randomUUID())).queueUrl();
  }

  @Test
  void shouldPublishTheItemOfAnSnsChangeNotification() {
    send(sns(changeNotification(item)));

    assertThat(pollOnce()).isEqualTo(new SqsQueuePoller.Batch(1, 1, 0));

    assertThat(publisher.snapshots).singleElement().satisfies(s -> {
      assertThat(SnapshotBuilder.keyOf(s)).isEqualTo("111122223333/eu-west-1/AWS::S3::Bucket/audit-logs");
      assertThat(s.getSource()).isEqualTo(SnapshotSource.AWS_CONFIG);
      assertThat(s.getConfigurationStateId()).isEqualTo("1780265647000");
    });
  }

  @Test
  void shouldPublishTheItemOfAnEventBridgeEvent() {
    ObjectNode event = ConfigurationItemMapperTest.JSON.createObjectNode()
        .put("version", "0").put("id", "d4f2a6e1-0c3b-4bd2-9a55-6f1a7c0e9b21")
        .put("detail-type", "Config Configuration Item Change").put("source", "aws.config")
        .put("account", "111122223333").put("time", "2026-05-31T22:14:08Z").put("region", "eu-west-1");
    event.putArray("resources").add("arn:aws:s3:::audit-logs");
    event.set("detail", changeNotification(item));
    send(event.toString());

    assertThat(pollOnce().deleted()).isEqualTo(1);

    assertThat(publisher.snapshots).extracting(ResourceSnapshot::getResourceId).containsExactly("audit-logs");
  }

  @Test
  void shouldFetchAnOversizedItemFromS3() {
    String key = "AWSLogs/111122223333/Config/eu-west-1/2026/5/31/OversizedChangeNotification/AWS::S3::Bucket/"
        + "audit-logs/111122223333_Config_eu-west-1_ChangeNotification_AWS::S3::Bucket_audit-logs_20260531T221407Z_0.json.gz";
    aws.s3().putObject(r -> r.bucket(BUCKET).key(key),
        RequestBody.fromBytes(gzip(changeNotification(item).toString())));
    ObjectNode oversized = ConfigurationItemMapperTest.JSON.createObjectNode();
    oversized.putObject("configurationItemSummary").put("changeType", "UPDATE")
        .put("awsAccountId", "111122223333").put("resourceType", "AWS::S3::Bucket").put("resourceId", "audit-logs");
    oversized.putObject("s3DeliverySummary").put("s3BucketLocation", BUCKET + "/" + key)
        .putNull("errorCode").putNull("errorMessage");
    oversized.put("notificationCreationTime", "2026-05-31T22:14:08.000Z")
        .put("messageType", "OversizedConfigurationItemChangeNotification").put("recordVersion", "1.0");
    send(sns(oversized));

    assertThat(pollOnce().deleted()).isEqualTo(1);

    assertThat(publisher.snapshots).singleElement().satisfies(s -> {
      assertThat(SnapshotBuilder.keyOf(s)).isEqualTo("111122223333/eu-west-1/AWS::S3::Bucket/audit-logs");
      assertThat(s.getSupplementaryConfiguration()).containsKey("ServerSideEncryptionConfiguration");
    });
    assertThat(publisher.deadLetters).isEmpty();
  }

  @Test
  void shouldIgnoreOtherConfigMessagesAndDeadLetterMalformedOnes() {
    ObjectNode started = ConfigurationItemMapperTest.JSON.createObjectNode()
        .put("configSnapshotId", "108e0794-84a7-4cca-a179-76a199ddd11a")
        .put("notificationCreationTime", "2026-05-31T22:14:08.000Z")
        .put("messageType", "ConfigurationSnapshotDeliveryStarted").put("recordVersion", "1.1");
    ObjectNode noId = item.deepCopy();
    noId.remove("resourceId");
    send(sns(started));
    send(sns(changeNotification(noId)));

    while (pollOnce().received() > 0) {
      // drain: both messages are deleted, neither blocks the queue
    }

    assertThat(publisher.snapshots).isEmpty();
    assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.stream()).isEqualTo(DeadLetter.Stream.SNAPSHOTS);
      assertThat(letter.reason()).isEqualTo("resourceId: is missing");
      assertThat(letter.source()).startsWith(queueUrl + "#");
    });
  }

  @Test
  void shouldPublishEveryItemOfADeliveredSnapshotFileAndDeadLetterTheOneThatCannotBeMapped() {
    String key = snapshotKey("16da64e4-cb65-4846-b061-e6c3ba43cb96");
    aws.s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(
        gzip(ConfigurationItemMapperTest.fixture("snapshot-file-kms-key-without-region.json").toString())));
    send(sns(snapshotDelivered(key)));

    assertThat(pollOnce()).isEqualTo(new SqsQueuePoller.Batch(1, 1, 0));

    assertThat(publisher.snapshots).extracting(SnapshotBuilder::keyOf).containsExactly(
        "111122223333/eu-west-1/AWS::S3::Bucket/audit-logs",
        "111122223333/global/AWS::IAM::User/AIDAZ6EXAMPLEDEPLOY1");
    assertThat(publisher.snapshots).allSatisfy(s -> assertThat(s.getSource()).isEqualTo(SnapshotSource.AWS_CONFIG));
    assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.stream()).isEqualTo(DeadLetter.Stream.SNAPSHOTS);
      assertThat(letter.reason()).isEqualTo("awsRegion: is missing");
      assertThat(letter.source()).isEqualTo("s3://" + BUCKET + "/" + key + "#configurationItems[1]");
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("1234abcd-12ab-34cd-56ef-1234567890ab");
    });
    assertThat(messagesInQueue()).isZero();
  }

  @Test
  void shouldLetGoOfASnapshotDeliveryOnlyWhenEveryItemWasAcknowledged() {
    String key = snapshotKey("5b2f7c1e-0d4a-4e8b-9c3f-a1b2c3d4e5f6");
    aws.s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(
        gzip(ConfigurationItemMapperTest.fixture("snapshot-file-kms-key-without-region.json").toString())));
    Message message = Message.builder().messageId("m-1").body(sns(snapshotDelivered(key))).build();
    ConfigQueueSource source = new ConfigQueueSource(aws.s3(), publisher.holdAcks(), UnaryOperator.identity());

    CompletableFuture<Void> handled = source.handle(message, queueUrl);

    assertThat(publisher.heldAcks()).isEqualTo(3);
    assertThat(handled).isNotDone();
    publisher.ackAll();
    assertThat(handled).isCompleted();
  }

  @Test
  void shouldDeadLetterASnapshotDeliveryWhoseObjectIsMissing() {
    String key = snapshotKey("0e0e0e0e-1111-4222-8333-444455556666");
    send(sns(snapshotDelivered(key)));

    assertThat(pollOnce()).isEqualTo(new SqsQueuePoller.Batch(1, 1, 0));

    assertThat(publisher.snapshots).isEmpty();
    assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.reason()).isEqualTo("s3ObjectKey: no such object s3://" + BUCKET + "/" + key);
      assertThat(letter.source()).isEqualTo("s3://" + BUCKET + "/" + key);
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("ConfigurationSnapshotDeliveryCompleted");
    });
    assertThat(messagesInQueue()).isZero();
  }

  @Test
  void shouldLeaveASnapshotDeliveryInTheQueueWhenS3IsUnreachable() {
    send(sns(snapshotDelivered(snapshotKey("7a7a7a7a-2222-4333-8444-555566667777"))));
    // Nothing listens on port 1; no retries, so the outage shows at once rather than after ten tries.
    try (S3Client nowhere = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:1"))
            .region(Region.of(AwsEmulator.REGION)).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY)))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        SqsQueuePoller poller = ConfigQueueSource.poller(aws.sqs(), nowhere,
            new SqsQueuePoller.Settings(queueUrl, 1, 10, Duration.ofSeconds(30)), publisher,
            UnaryOperator.identity())) {

      assertThat(poller.pollOnce().join()).isEqualTo(new SqsQueuePoller.Batch(1, 0, 1));
    }

    assertThat(publisher.snapshots).isEmpty();
    assertThat(publisher.deadLetters).isEmpty();
    assertThat(messagesInQueue()).isEqualTo(1);
  }

  @Test
  void shouldAddTheVpcsFlowLogsBeforePublishingAVpcItem() throws Exception {
    String vpcId = aws.ec2().createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
    aws.ec2().createFlowLogs(r -> r.resourceIds(vpcId).resourceType("VPC").trafficType("REJECT")
        .logDestinationType("s3").logDestination("arn:aws:s3:::" + BUCKET));
    ObjectNode vpc = item.deepCopy();
    vpc.put("resourceType", "AWS::EC2::VPC").put("resourceId", vpcId).put("awsRegion", AwsEmulator.REGION);
    vpc.putObject("supplementaryConfiguration");
    send(sns(changeNotification(vpc)));

    try (SqsQueuePoller poller = ConfigQueueSource.poller(aws.sqs(), aws.s3(),
        SqsQueuePoller.Settings.defaults(queueUrl), publisher,
        new VpcFlowLogsEnricher((account, region) -> aws.inRegion(region).ec2()))) {
      poller.pollOnce().join();
    }

    ResourceSnapshot published = publisher.snapshots.get(0);
    JsonNode flowLogs = ConfigurationItemMapperTest.JSON.readTree(
        published.getSupplementaryConfiguration().get("FlowLogs"));
    assertThat(flowLogs).hasSize(1);
    assertThat(flowLogs.get(0).path("ResourceId").asText()).isEqualTo(vpcId);
    assertThat(flowLogs.get(0).path("TrafficType").asText()).isEqualTo("REJECT");
    assertThat(flowLogs.get(0).path("FlowLogStatus").asText()).isEqualTo("ACTIVE");
    assertThat(flowLogs.get(0).path("LogDestinationType").asText()).isEqualTo("s3");
  }

  private SqsQueuePoller.Batch pollOnce() {
    try (SqsQueuePoller poller = ConfigQueueSource.poller(aws.sqs(), aws.s3(),
        new SqsQueuePoller.Settings(queueUrl, 1, 10, Duration.ofSeconds(30)), publisher,
        UnaryOperator.identity())) {
      return poller.pollOnce().join();
    }
  }

  /** Messages still in the queue, visible or not. */
  private int messagesInQueue() {
    Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private static String snapshotKey(String configSnapshotId) {
    return "AWSLogs/111122223333/Config/eu-west-1/2026/5/31/ConfigSnapshot/"
        + "111122223333_Config_eu-west-1_ConfigSnapshot_20260531T221407Z_" + configSnapshotId + ".json.gz";
  }

  /** The delivery channel's notification, as AWS Config documents it (example-configuration-snapshot-notification). */
  private static ObjectNode snapshotDelivered(String key) {
    String id = key.substring(key.lastIndexOf('_') + 1, key.indexOf(".json.gz"));
    return ConfigurationItemMapperTest.JSON.createObjectNode()
        .put("configSnapshotId", id).put("s3ObjectKey", key).put("s3Bucket", BUCKET)
        .put("notificationCreationTime", "2026-05-31T22:14:08.000Z")
        .put("messageType", "ConfigurationSnapshotDeliveryCompleted").put("recordVersion", "1.1");
  }

  private static ObjectNode changeNotification(JsonNode configurationItem) {
    ObjectNode n = ConfigurationItemMapperTest.JSON.createObjectNode();
    n.putObject("configurationItemDiff").put("changeType", "UPDATE").putObject("changedProperties");
    n.set("configurationItem", configurationItem);
    n.put("notificationCreationTime", "2026-05-31T22:14:08.000Z")
        .put("messageType", "ConfigurationItemChangeNotification").put("recordVersion", "1.3");
    return n;
  }

  private static String sns(JsonNode message) {
    return ConfigurationItemMapperTest.JSON.createObjectNode()
        .put("Type", "Notification").put("MessageId", UUID.randomUUID().toString())
        .put("TopicArn", "arn:aws:sns:eu-west-1:111122223333:config-topic")
        .put("Subject", "[AWS Config:eu-west-1] AWS::S3::Bucket audit-logs Updated in Account 111122223333")
        .put("Message", message.toString()).put("Timestamp", "2026-05-31T22:14:08.100Z")
        .put("SignatureVersion", "1").toString();
  }

  private void send(String body) {
    aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
  }

  private static byte[] gzip(String text) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
