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
import io.compliancestreams.sinks.testkit.AuditObjects;
import io.compliancestreams.sinks.testkit.S3ProxyServer;
import io.compliancestreams.sinks.testkit.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The posture snapshot against a real broker (a state topic written in transactions, like the
 * topology writes it) into the local-folder store and a real S3-compatible server (s3proxy).
 */
class PostureSnapshotTest {

  /** 23:30 UTC on 1 March is already 2 March in Auckland: the object must carry the UTC day. */
  private static final Instant LATE_EVENING = Instant.parse("2025-03-01T23:30:00Z");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
  private static final String KEY = "audit/posture/dt=2025-03-01/posture.jsonl.gz";

  private static KafkaBroker kafka;
  private static Topics topics;
  private static S3ProxyServer s3proxy;

  @TempDir Path folder;

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

  @Test
  void shouldWriteOnlyLiveFindingsWithTheirLatestStateToTheLocalFolder() throws Exception {
    String topic = stateTopicWithFiveFindingsOneGoneOneUpdated();

    PostureSnapshot.Result result = snapshot(topic, new LocalFolderStore(folder), LATE_EVENING).take(false);

    assertThat(result.key()).isEqualTo(KEY);
    assertThat(result.findings()).isEqualTo(3);
    List<JsonNode> lines = AuditObjects.lines(Files.readAllBytes(folder.resolve(KEY)));
    assertThat(lines).extracting(n -> n.get("findingId").asText()).containsExactly("f-1", "f-2", "f-4");
    JsonNode updated = lines.get(1);
    assertThat(updated.get("status").asText()).isEqualTo("PASS");
    assertThat(updated.get("reason").asText()).isEqualTo("fixed");
    assertThat(updated.get("snapshotAt").asText()).isEqualTo("2025-03-01T23:30:00Z");
    assertThat(updated.get("controlId").asText()).isEqualTo("S3.4");
    assertThat(updated.get("resourceArn").asText()).isEqualTo("arn:aws:s3:::audit-logs");
    assertThat(updated.get("suppressed").asBoolean()).isTrue();
    assertThat(lines.get(0).get("status").asText()).isEqualTo("FAIL");
  }

  @Test
  void shouldWriteTheSnapshotToS3AndOverwriteItOnTheSameDay() throws Exception {
    String topic = stateTopicWithFiveFindingsOneGoneOneUpdated();
    String bucket = "posture-" + UUID.randomUUID().toString().substring(0, 8);
    s3proxy.createBucket(bucket);
    S3AuditTrailSettings s3 = S3AuditTrailSettings.of(bucket, "audit", "eu-west-1")
        .withEndpoint(s3proxy.endpoint(), true);
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
    S3Client reader = S3AuditTrailDestination.client(s3, creds);

    snapshot(topic, new S3ObjectStore(S3AuditTrailDestination.client(s3, creds), bucket), LATE_EVENING).take(false);
    assertThat(AuditObjects.raw(reader, bucket).keySet()).containsExactly(KEY);

    produce(topic, Map.of("f-5", finding("f-5", FindingStatus.FAIL, "new today")));
    Instant later = LATE_EVENING.plus(Duration.ofMinutes(20));
    snapshot(topic, new S3ObjectStore(S3AuditTrailDestination.client(s3, creds), bucket), later).take(false);

    Map<String, byte[]> objects = AuditObjects.raw(reader, bucket);
    assertThat(objects.keySet()).containsExactly(KEY);
    List<JsonNode> lines = AuditObjects.lines(objects.get(KEY));
    assertThat(lines).extracting(n -> n.get("findingId").asText()).containsExactly("f-1", "f-2", "f-4", "f-5");
    assertThat(lines).extracting(n -> n.get("snapshotAt").asText()).containsOnly("2025-03-01T23:50:00Z");
  }

  @Test
  void shouldTakeASnapshotWhenTheSinkStartsAndTodaysObjectIsMissing() throws Exception {
    String topic = stateTopicWithFiveFindingsOneGoneOneUpdated();
    S3AuditTrailSettings layout = S3AuditTrailSettings.of("local", "audit", "us-east-1");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    try (S3AuditTrailDestination sink = new S3AuditTrailDestination(layout, new LocalFolderStore(folder),
            Clock.fixed(LATE_EVENING, AUCKLAND))
        .withPostureSnapshots(settings(topic), meters)) {
      sink.flush(false);

      await("today's posture object").atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve(KEY)));
    }
    assertThat(AuditObjects.lines(Files.readAllBytes(folder.resolve(KEY)))).hasSize(3);
    await("findings counted").until(() -> meters.get("compliance.sink.posture.written").counter().count() == 3.0);
  }

  private PostureSnapshot snapshot(String topic, ObjectStore store, Instant at) {
    return new PostureSnapshot(new FindingStateReader(settings(topic)), store, "audit", Clock.fixed(at, AUCKLAND));
  }

  private static PostureSnapshotSettings settings(String topic) {
    return PostureSnapshotSettings.of(kafka.bootstrapServers(), topic, SerdeConfig.singleObject());
  }

  /**
   * f-1 FAIL; f-2 FAIL then PASS; f-3 then a tombstone; f-4; and f-9 in an aborted transaction,
   * which read_committed never shows. Two partitions, so the read spans both.
   */
  private static String stateTopicWithFiveFindingsOneGoneOneUpdated() {
    String topic = topics.fresh("state", 2);
    produce(topic, Map.of("f-1", finding("f-1", FindingStatus.FAIL, "broken"),
        "f-2", finding("f-2", FindingStatus.FAIL, "broken"),
        "f-3", finding("f-3", FindingStatus.FAIL, "broken")));
    java.util.LinkedHashMap<String, Finding> second = new java.util.LinkedHashMap<>();
    second.put("f-2", finding("f-2", FindingStatus.PASS, "fixed"));
    second.put("f-3", null);
    second.put("f-4", finding("f-4", FindingStatus.NOT_APPLICABLE, "not in scope"));
    produce(topic, second);
    try (KafkaProducer<String, Finding> producer = producer()) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "f-9", finding("f-9", FindingStatus.FAIL, "aborted")));
      producer.flush();
      producer.abortTransaction();
    }
    return topic;
  }

  /** In one committed transaction; a null value is a tombstone. */
  private static void produce(String topic, Map<String, Finding> values) {
    try (KafkaProducer<String, Finding> producer = producer()) {
      producer.initTransactions();
      producer.beginTransaction();
      values.forEach((id, f) -> producer.send(new ProducerRecord<>(topic, id, f)));
      producer.commitTransaction();
    }
  }

  private static KafkaProducer<String, Finding> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "state-writer-" + UUID.randomUUID()),
        new StringSerializer(), AvroSerdes.finding(SerdeConfig.singleObject()).serializer());
  }

  private static Finding finding(String id, FindingStatus status, String reason) {
    return Finding.newBuilder(Samples.finding()).setFindingId(id).setStatus(status).setReason(reason).build();
  }
}
