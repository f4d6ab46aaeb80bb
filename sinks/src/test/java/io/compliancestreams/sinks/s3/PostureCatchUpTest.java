package io.compliancestreams.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.sinks.runner.RetrySettings;
import io.compliancestreams.sinks.testkit.AuditObjects;
import io.compliancestreams.sinks.testkit.S3ProxyServer;
import io.compliancestreams.sinks.testkit.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 14.6: the posture snapshot waits for the streams application (its consumer group) to catch
 * up with its input, and an incomplete snapshot of the same day is replaced. A real broker holds
 * the streams group's input topic, its committed offsets (set with the admin client, as a lagging or
 * caught-up streams application leaves them) and the state topic; the objects go to s3proxy.
 */
class PostureCatchUpTest {

  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
  private static final String KEY = "audit/posture/dt=2025-03-01/posture.jsonl.gz";
  private static final int INPUT_RECORDS = 6;

  private static KafkaBroker kafka;
  private static Topics topics;
  private static S3ProxyServer s3proxy;

  private String bucket;
  private S3Client s3;
  private String input;
  private String state;
  private String streamsGroup;

  @BeforeAll
  static void startServers() {
    kafka = KafkaBroker.start();
    topics = new Topics(kafka.bootstrapServers());
    s3proxy = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServers() {
    s3proxy.close();
    kafka.close();
  }

  @BeforeEach
  void freshBucketAndTopics() {
    bucket = "posture-" + UUID.randomUUID().toString().substring(0, 8);
    s3proxy.createBucket(bucket);
    s3 = S3AuditTrailDestination.client(settings(), credentials());
    input = topics.fresh("aws.snapshot", 1);
    for (int i = 0; i < INPUT_RECORDS; i++) {
      topics.produceRaw(input, 0, ("r-" + i).getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }
    state = topics.fresh("state", 2);
    streamsGroup = "compliance-streams-" + UUID.randomUUID();
  }

  @AfterEach
  void closeClient() {
    s3.close();
  }

  @Test
  void shouldWriteNothingWhileStreamsLagsThenACompleteSnapshotWithAllFindings() throws Exception {
    commitStreamsOffset(2); // the first scan is still flowing through streams
    produceState(List.of("f-1"));

    try (S3AuditTrailDestination sink = sink(new RetrySettings(50, Duration.ofMillis(200), Duration.ofMillis(400), 2.0))) {
      sink.flush(false);

      await("no posture object while streams lags").ignoreExceptionsInstanceOf(S3Exception.class).during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
          .until(() -> !objects().containsKey(KEY));

      produceState(List.of("f-2", "f-3")); // the rest of the scan, then streams commits its input
      commitStreamsOffset(INPUT_RECORDS);

      await("a complete posture object").ignoreExceptionsInstanceOf(S3Exception.class).atMost(Duration.ofSeconds(30)).until(() -> objects().containsKey(KEY));
    }
    List<JsonNode> lines = AuditObjects.lines(objects().get(KEY));
    assertThat(lines).extracting(n -> n.get("findingId").asText()).containsExactly("f-1", "f-2", "f-3");
    assertThat(lines).allSatisfy(n -> assertThat(n.get("complete").asBoolean()).isTrue());
  }

  @Test
  void shouldMarkTheLastAttemptsSnapshotIncompleteAndReplaceItOnceStreamsCatchesUp() throws Exception {
    commitStreamsOffset(1);
    produceState(List.of("f-1"));

    try (S3AuditTrailDestination sink = sink(new RetrySettings(2, Duration.ofMillis(100), Duration.ofMillis(200), 2.0))) {
      sink.flush(false);

      await("an incomplete posture object").ignoreExceptionsInstanceOf(S3Exception.class).atMost(Duration.ofSeconds(30)).until(() -> objects().containsKey(KEY));
      List<JsonNode> incomplete = AuditObjects.lines(objects().get(KEY));
      assertThat(incomplete).extracting(n -> n.get("findingId").asText()).containsExactly("f-1");
      assertThat(incomplete.get(0).get("complete").asBoolean()).isFalse();

      produceState(List.of("f-2"));
      commitStreamsOffset(INPUT_RECORDS);

      await("the incomplete object replaced").ignoreExceptionsInstanceOf(S3Exception.class).atMost(Duration.ofSeconds(30))
          .until(() -> AuditObjects.lines(objects().get(KEY)).size() == 2);
    }
    assertThat(AuditObjects.lines(objects().get(KEY)))
        .allSatisfy(n -> assertThat(n.get("complete").asBoolean()).isTrue());
  }

  @Test
  void shouldReplaceAnIncompleteSnapshotOfTheSameDayAtStart() throws Exception {
    commitStreamsOffset(INPUT_RECORDS);
    produceState(List.of("f-1", "f-2", "f-3"));
    // What a start during the first scan left: 1 finding of 3, marked incomplete.
    s3.putObject(PutObjectRequest.builder().bucket(bucket).key(KEY).build(),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(
            gzip(PostureLine.of(finding("f-1"), NOW.minus(Duration.ofHours(8)), false))));

    try (S3AuditTrailDestination sink = sink(PostureSnapshotSettings.DEFAULT_RETRY)) {
      sink.flush(false);

      await("the incomplete object replaced").ignoreExceptionsInstanceOf(S3Exception.class).atMost(Duration.ofSeconds(30))
          .until(() -> AuditObjects.lines(objects().get(KEY)).size() == 3);
    }
    List<JsonNode> lines = AuditObjects.lines(objects().get(KEY));
    assertThat(lines).extracting(n -> n.get("findingId").asText()).containsExactly("f-1", "f-2", "f-3");
    assertThat(lines).allSatisfy(n -> {
      assertThat(n.get("complete").asBoolean()).isTrue();
      assertThat(n.get("snapshotAt").asText()).isEqualTo(NOW.toString());
    });
  }

  @Test
  void shouldKeepACompleteSnapshotOfTheSameDayAtStart() throws Exception {
    commitStreamsOffset(INPUT_RECORDS);
    produceState(List.of("f-1", "f-2"));
    byte[] complete = gzip(PostureLine.of(finding("f-1"), NOW.minus(Duration.ofHours(8)), true));
    s3.putObject(PutObjectRequest.builder().bucket(bucket).key(KEY).build(),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(complete));

    try (S3AuditTrailDestination sink = sink(PostureSnapshotSettings.DEFAULT_RETRY)) {
      sink.flush(false);

      await("the complete object kept").ignoreExceptionsInstanceOf(S3Exception.class).during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
          .until(() -> AuditObjects.lines(objects().get(KEY)).size() == 1);
    }
  }

  private S3AuditTrailDestination sink(RetrySettings retry) {
    PostureSnapshotSettings posture = PostureSnapshotSettings.of(kafka.bootstrapServers(), state, SerdeConfig.singleObject())
        .withStreamsApplicationId(streamsGroup)
        .withCatchUpWait(Duration.ofMillis(300))
        .withRetry(retry);
    return new S3AuditTrailDestination(settings(), S3AuditTrailDestination.client(settings(), credentials()),
        Clock.fixed(NOW, ZoneOffset.UTC)).withPostureSnapshots(posture, new SimpleMeterRegistry());
  }

  private S3AuditTrailSettings settings() {
    return S3AuditTrailSettings.of(bucket, "audit", "eu-west-1").withEndpoint(s3proxy.endpoint(), true);
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
  }

  /**
   * Every object of the bucket. s3proxy may answer a read that races the sink's overwrite of the
   * same key with a 400; the awaits read again (ignoreExceptionsInstanceOf) rather than fail on it.
   */
  private Map<String, byte[]> objects() {
    return AuditObjects.raw(s3, bucket);
  }

  /** Where the streams application's group stands on its input, as its commits leave it. */
  private void commitStreamsOffset(long offset) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.alterConsumerGroupOffsets(streamsGroup, Map.of(new TopicPartition(input, 0), new OffsetAndMetadata(offset)))
          .all().get();
    }
  }

  /** In one committed transaction, as the topology writes the state topic. */
  private void produceState(List<String> ids) {
    try (KafkaProducer<String, Finding> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "state-writer-" + UUID.randomUUID()),
        new StringSerializer(), AvroSerdes.finding(SerdeConfig.singleObject()).serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      ids.forEach(id -> producer.send(new ProducerRecord<>(state, id, finding(id))));
      producer.commitTransaction();
    }
  }

  private static Finding finding(String id) {
    return Finding.newBuilder(Samples.finding()).setFindingId(id).setStatus(FindingStatus.FAIL).build();
  }

  private static byte[] gzip(byte[] lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(lines);
    }
    return out.toByteArray();
  }
}
