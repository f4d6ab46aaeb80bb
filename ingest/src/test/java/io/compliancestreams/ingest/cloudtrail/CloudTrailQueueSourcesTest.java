package io.compliancestreams.ingest.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.publish.DeadLetter;
import io.compliancestreams.ingest.publish.FakePublisher;
import io.compliancestreams.ingest.publish.SqsQueuePoller;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The SQS-fed CloudTrail sources against moto's SQS and S3, publishing to an in-memory publisher. */
class CloudTrailQueueSourcesTest {

  private static final String BUCKET = "org-trail-logs";
  private static AwsEmulator emulator;
  private static AwsClients aws;

  private final JsonNode createUser = Fixtures.record("iam.amazonaws.com/CreateUser-1.json");
  private final JsonNode putEncryption = Fixtures.record("s3.amazonaws.com/PutBucketEncryption-1.json");
  private final FakePublisher publisher = new FakePublisher();
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
    queueUrl = aws.sqs().createQueue(r -> r.queueName("cloudtrail-" + UUID.randomUUID())).queueUrl();
  }

  @Test
  void shouldPublishEveryRecordOfANotifiedLogFileAndDeleteTheMessageOnlyAfterTheAcks() {
    String key = putLogFile("AWSLogs/111111111111/CloudTrail/us-east-1/2024/01/15/a b.json.gz",
        createUser, putEncryption);
    send(s3Notification(key));
    publisher.holdAcks();

    try (SqsQueuePoller poller = s3Poller(Duration.ofSeconds(30))) {
      var batch = poller.pollOnce();

      assertThat(eventIds()).containsExactly(
          "3346344c-5a3e-429e-8405-420f98f75d6e", "12345678-1234-1234-1234-111111111111");
      assertThat(publisher.events.get(1).getEventName()).isEqualTo("PutBucketEncryption");
      assertThat(batch).isNotDone();
      assertThat(messagesInQueue()).as("in flight, not deleted before the acks").isEqualTo(1);

      publisher.ackAll();

      assertThat(batch.join()).isEqualTo(new SqsQueuePoller.Batch(1, 1, 0));
      assertThat(messagesInQueue()).isZero();
    }
  }

  @Test
  void shouldLeaveTheMessageWhenThePublishFailsAndPublishTheSameEventIdsOnRedelivery() {
    String key = putLogFile("AWSLogs/111111111111/CloudTrail/us-east-1/2024/01/15/retry.json.gz",
        createUser, putEncryption);
    send(s3Notification(key));
    publisher.holdAcks();

    try (SqsQueuePoller poller = s3Poller(Duration.ofSeconds(2))) {
      var first = poller.pollOnce();
      publisher.failAll(new IllegalStateException("broker unavailable"));
      assertThat(first.join()).isEqualTo(new SqsQueuePoller.Batch(1, 0, 1));
      List<String> firstIds = eventIds();
      publisher.events.clear();

      // SQS redelivers once the visibility timeout passed.
      await().atMost(Duration.ofSeconds(15))
          .until(() -> poller.pollOnce().join().deleted(), deleted -> deleted == 1);

      assertThat(eventIds()).isEqualTo(firstIds);
      assertThat(messagesInQueue()).isZero();
    }
  }

  @Test
  void shouldKeepTheMessageInvisibleWhileItsRecordsAreUnacknowledged() {
    send(s3Notification(putLogFile("AWSLogs/111111111111/CloudTrail/us-east-1/2024/01/15/slow.json.gz",
        createUser)));
    publisher.holdAcks();

    try (SqsQueuePoller poller = s3Poller(Duration.ofSeconds(2))) {
      var batch = poller.pollOnce();

      // Without the heartbeat the message would be visible again after 2 s.
      await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
          .until(() -> aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl).visibilityTimeout(0)).messages().isEmpty());

      publisher.ackAll();
      assertThat(batch.join().deleted()).isEqualTo(1);
    }
  }

  @Test
  void shouldUnwrapAnSnsNotificationAndIgnoreTheS3TestEvent() {
    String key = putLogFile("AWSLogs/111111111111/CloudTrail/eu-west-1/2024/01/15/sns.json", createUser);
    send(sns(s3Notification(key)));
    send("""
        {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2024-01-15T10:00:00.000Z",
         "Bucket":"org-trail-logs","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}""");

    try (SqsQueuePoller poller = s3Poller(Duration.ofSeconds(30))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        poller.pollOnce().join();
        return messagesInQueue() == 0;
      });
    }

    assertThat(eventIds()).containsExactly("3346344c-5a3e-429e-8405-420f98f75d6e");
    assertThat(publisher.deadLetters).isEmpty();
  }

  @Test
  void shouldDeadLetterAMalformedMessageAndDeleteIt() {
    send("this is not an S3 notification");

    try (SqsQueuePoller poller = s3Poller(Duration.ofSeconds(30))) {
      assertThat(poller.pollOnce().join()).isEqualTo(new SqsQueuePoller.Batch(1, 1, 0));
    }

    assertThat(messagesInQueue()).isZero();
    assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.stream()).isEqualTo(DeadLetter.Stream.CLOUDTRAIL);
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("this is not an S3 notification");
      assertThat(letter.reason()).startsWith("body: is not JSON");
      assertThat(letter.source()).startsWith(queueUrl + "#");
    });
  }

  @Test
  void shouldDeadLetterAMalformedRecordAndPublishTheOthersOfTheFile() {
    ObjectNode noName = createUser.deepCopy();
    noName.remove("eventName");
    String key = putLogFile("AWSLogs/111111111111/CloudTrail/us-east-1/2024/01/15/mixed.json.gz",
        noName, putEncryption);
    send(s3Notification(key));

    try (SqsQueuePoller poller = s3Poller(Duration.ofSeconds(30))) {
      assertThat(poller.pollOnce().join().deleted()).isEqualTo(1);
    }

    assertThat(eventIds()).containsExactly("12345678-1234-1234-1234-111111111111");
    assertThat(publisher.deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.reason()).isEqualTo("eventName: is missing");
      assertThat(letter.source()).isEqualTo("s3://" + BUCKET + "/" + key + "#Records[0]");
      assertThat(Fixtures.JSON.readTree(letter.value())).isEqualTo(noName);
    });
  }

  @Test
  void shouldPublishTheRecordOfAnEventBridgeEventFromSqs() {
    send("""
        {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
         "detail-type": "AWS API Call via CloudTrail", "source": "aws.s3", "account": "111111111111",
         "time": "2024-01-15T10:45:23Z", "region": "us-east-1", "resources": [], "detail": %s}
        """.formatted(putEncryption));

    try (SqsQueuePoller poller = EventBridgeQueueSource.poller(aws.sqs(),
        SqsQueuePoller.Settings.defaults(queueUrl), publisher)) {
      assertThat(poller.pollOnce().join()).isEqualTo(new SqsQueuePoller.Batch(1, 1, 0));
    }

    assertThat(publisher.events).singleElement().satisfies(e -> {
      assertThat(e.getEventId()).isEqualTo("12345678-1234-1234-1234-111111111111");
      assertThat(e.getRecipientAccountId()).isEqualTo("111111111111");
    });
    assertThat(messagesInQueue()).isZero();
  }

  private SqsQueuePoller s3Poller(Duration visibility) {
    return S3LogQueueSource.poller(aws.sqs(), aws.s3(),
        SqsQueuePoller.Settings.defaults(queueUrl).withVisibilityTimeout(visibility), publisher);
  }

  private String putLogFile(String key, JsonNode... records) {
    String file = Fixtures.logFile(records);
    byte[] body = key.endsWith(".gz") ? Fixtures.gzip(file) : file.getBytes(StandardCharsets.UTF_8);
    aws.s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
    return key;
  }

  /** An S3 event notification as S3 sends it to SQS (key URL-encoded, '+' for a space). */
  private static String s3Notification(String key) {
    String encoded = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    return """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
          "eventTime":"2024-01-15T10:50:00.000Z","eventName":"ObjectCreated:Put",
          "userIdentity":{"principalId":"AWS:AROAEXAMPLE:regionalDeliverySession"},
          "requestParameters":{"sourceIPAddress":"10.0.0.1"},
          "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
          "s3":{"s3SchemaVersion":"1.0","configurationId":"cloudtrail-logs",
            "bucket":{"name":"%s","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::%s"},
            "object":{"key":"%s","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e","sequencer":"0055AED6DCD90281E5"}}}]}
        """.formatted(BUCKET, BUCKET, encoded);
  }

  /** An SNS notification as SNS delivers it to an SQS subscription (raw delivery off). */
  private static String sns(String message) {
    ObjectNode envelope = Fixtures.JSON.createObjectNode()
        .put("Type", "Notification")
        .put("MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324")
        .put("TopicArn", "arn:aws:sns:us-east-1:111111111111:cloudtrail-logs")
        .put("Subject", "Amazon S3 Notification")
        .put("Message", message)
        .put("Timestamp", "2024-01-15T10:50:01.000Z")
        .put("SignatureVersion", "1");
    return envelope.toString();
  }

  private void send(String body) {
    aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
  }

  private int messagesInQueue() {
    Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private List<String> eventIds() {
    return publisher.events.stream().map(CloudTrailEvent::getEventId).toList();
  }
}
