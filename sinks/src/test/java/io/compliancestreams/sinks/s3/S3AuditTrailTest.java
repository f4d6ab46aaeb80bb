package io.compliancestreams.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.RetrySettings;
import io.compliancestreams.sinks.runner.SinkRecord;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.sinks.runner.SinkSettings;
import io.compliancestreams.sinks.testkit.AuditObjects;
import io.compliancestreams.sinks.testkit.Deltas;
import io.compliancestreams.sinks.testkit.S3ProxyServer;
import io.compliancestreams.sinks.testkit.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The audit trail against a real S3-compatible server (s3proxy) and, end to end, a real broker. */
class S3AuditTrailTest {

  private static final Instant T10 = Instant.parse("2025-03-01T10:15:30.123Z");
  private static KafkaBroker kafka;
  private static Topics topics;
  private static S3ProxyServer s3proxy;
  private static final StaticCredentialsProvider CREDS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private String bucket;
  private S3AuditTrailSettings s3Settings;
  private S3Client reader;

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
  void bucket() {
    bucket = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    s3proxy.createBucket(bucket);
    s3Settings = S3AuditTrailSettings.of(bucket, "trail/", "eu-west-1")
        .withEndpoint(s3proxy.endpoint(), true)
        .withLimits(100, 1_000_000, Duration.ofHours(1), Duration.ofHours(1));
    reader = S3AuditTrailDestination.client(s3Settings, CREDS);
  }

  @Test
  void shouldWriteGzipJsonLinesNamedByTopicPartitionAndFirstOffsetUnderRecordHour() throws Exception {
    String topic = topics.fresh("deltas", 2);
    topics.produce(topic, 0, List.of(
        Deltas.failing("f-a", 1, T10),
        Deltas.failing("f-b", 1, T10.plusSeconds(300)),
        Deltas.failing("f-c", 1, Instant.parse("2025-03-01T11:05:00Z"))));
    topics.produce(topic, 1, List.of(Deltas.failing("f-d", 1, T10), Deltas.failing("f-e", 1, T10)));
    SinkSettings settings = runnerSettings(topic);

    SinkRunner runner = new SinkRunner(settings, S3AuditTrailDestination.create(s3Settings, CREDS), registry);
    runner.start();
    // The hour change closed [0,1] of partition 0: uploaded and committed while [2] is still open.
    await("first object committed").until(() -> Long.valueOf(2L).equals(committed(settings, topic, 2).get(new TopicPartition(topic, 0))));
    runner.close();

    assertThat(committed(settings, topic, 2)).isEqualTo(Map.of(
        new TopicPartition(topic, 0), 3L, new TopicPartition(topic, 1), 2L));
    Map<String, byte[]> objects = AuditObjects.raw(reader, bucket);
    String hr10 = "trail/" + topic + "/dt=2025-03-01/hr=10/";
    assertThat(objects.keySet()).containsExactlyInAnyOrder(
        hr10 + topic + "+0+00000000000000000000.jsonl.gz",
        "trail/" + topic + "/dt=2025-03-01/hr=11/" + topic + "+0+00000000000000000002.jsonl.gz",
        hr10 + topic + "+1+00000000000000000000.jsonl.gz");
    byte[] first = objects.get(hr10 + topic + "+0+00000000000000000000.jsonl.gz");
    assertThat(first[0] & 0xff).isEqualTo(0x1f);
    assertThat(first[1] & 0xff).isEqualTo(0x8b);
    List<JsonNode> lines = AuditObjects.lines(first);
    assertThat(lines).extracting(n -> n.get("deltaId").asText()).containsExactly("f-a:1", "f-b:1");
    JsonNode a = lines.get(0);
    assertThat(a.get("evaluatedAt").asText()).isEqualTo("2025-03-01T10:15:30.123Z");
    assertThat(a.get("changeKind").asText()).isEqualTo("REGRESSED");
    assertThat(a.get("previousStatus").asText()).isEqualTo("PASS");
    assertThat(a.get("newStatus").asText()).isEqualTo("FAIL");
    assertThat(a.get("controlId").asText()).isEqualTo("S3.4");
    assertThat(a.get("resourceArn").asText()).isEqualTo("arn:aws:s3:::audit-logs");
    assertThat(a.get("triggerKind").asText()).isEqualTo("EVENT");
    assertThat(a.get("sourceTopic").asText()).isEqualTo(topic);
    assertThat(a.get("sourceOffset").asLong()).isZero();
    assertThat(a.get("suppressed").asBoolean()).isFalse();
  }

  @Test
  void shouldRetryUploadsWhileS3IsDownThenSucceed() {
    String topic = topics.fresh("deltas", 1);
    SinkSettings settings = runnerSettings(topic);
    S3AuditTrailSettings small = s3Settings.withLimits(2, 1_000_000, Duration.ofHours(1), Duration.ofHours(1));
    SinkRunner runner = new SinkRunner(settings, S3AuditTrailDestination.create(small, CREDS), registry);
    s3proxy.stop();
    try {
      runner.start();
      topics.produce(topic, 0, List.of(Deltas.failing("f-1", 1, T10), Deltas.failing("f-2", 1, T10),
          Deltas.failing("f-3", 1, T10)));
      await("flush retried while S3 is down").atMost(Duration.ofSeconds(60))
          .until(() -> registry.get("compliance.sink.retried").tag("sink", "s3").counter().count() >= 2);
      assertThat(committed(settings, topic, 1)).doesNotContainEntry(new TopicPartition(topic, 0), 2L);
    } finally {
      s3proxy.restart();
    }
    await("uploaded and committed once S3 is back").atMost(Duration.ofSeconds(60))
        .until(() -> committed(settings, topic, 1).getOrDefault(new TopicPartition(topic, 0), 0L) == 2L);
    runner.close();
    assertThat(AuditObjects.deltaIds(reader, bucket)).containsExactly("f-1:1", "f-2:1", "f-3:1");
    assertThat(committed(settings, topic, 1)).containsEntry(new TopicPartition(topic, 0), 3L);
  }

  @Test
  void shouldCutAtAnObjectAnEarlierRunLeftSoNoRecordIsInTwoObjects() throws Exception {
    String topic = "compliance.finding.delta.v1";
    String folder = "trail/" + topic + "/dt=2025-03-01/hr=10/";
    // An earlier run had cut at offset 3 and uploaded [3..] before it crashed.
    reader.putObject(PutObjectRequest.builder().bucket(bucket).key(folder + topic + "+0+00000000000000000003.jsonl.gz")
        .build(), RequestBody.fromBytes(new byte[] {0x1f, (byte) 0x8b}));
    S3AuditTrailDestination dest = new S3AuditTrailDestination(s3Settings, reader, Clock.systemUTC());
    TopicPartition tp = new TopicPartition(topic, 0);
    for (long offset = 0; offset < 6; offset++) {
      FindingDelta d = Deltas.failing("f-" + offset, 1, T10);
      dest.deliver(new SinkRecord(topic, 0, offset, d.getFindingId(), d));
    }
    assertThat(dest.durableOffsets(Map.of(tp, 6L))).containsEntry(tp, 0L);

    dest.flush(true); // a forced, time-dependent cut: [0..5] would cover offset 3

    assertThat(dest.durableOffsets(Map.of(tp, 6L))).containsEntry(tp, 6L);
    Map<String, byte[]> objects = AuditObjects.raw(reader, bucket);
    assertThat(objects.keySet()).containsExactly(
        folder + topic + "+0+00000000000000000000.jsonl.gz",
        folder + topic + "+0+00000000000000000003.jsonl.gz");
    assertThat(AuditObjects.deltaIds(reader, bucket))
        .containsExactly("f-0:1", "f-1:1", "f-2:1", "f-3:1", "f-4:1", "f-5:1");
  }

  private SinkSettings runnerSettings(String topic) {
    return SinkSettings.of(kafka.bootstrapServers(), topic, SinkSettings.groupId("test.", "s3-" + UUID.randomUUID()),
            SerdeConfig.singleObject())
        .withRetry(new RetrySettings(5, Duration.ofMillis(100), Duration.ofMillis(500), 2.0))
        .withPollTimeout(Duration.ofMillis(100))
        .withFlushInterval(Duration.ofMillis(200));
  }

  private static Map<TopicPartition, Long> committed(SinkSettings settings, String topic, int partitions) {
    return topics.committed(settings.groupId(), topic, partitions);
  }
}
