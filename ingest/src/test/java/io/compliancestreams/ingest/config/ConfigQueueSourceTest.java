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
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;

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
    ObjectNode delivered = ConfigurationItemMapperTest.JSON.createObjectNode()
        .put("configSnapshotId", "16da64e4-cb65-4846-b061-e6c3ba43cb96")
        .put("messageType", "ConfigurationSnapshotDeliveryCompleted");
    ObjectNode noId = item.deepCopy();
    noId.remove("resourceId");
    send(sns(delivered));
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
        new SqsQueuePoller.Settings(queueUrl, 1, 10, java.time.Duration.ofSeconds(30)), publisher,
        UnaryOperator.identity())) {
      return poller.pollOnce().join();
    }
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
