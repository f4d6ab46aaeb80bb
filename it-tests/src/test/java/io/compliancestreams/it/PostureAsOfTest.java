package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.app.Main;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.ProcessMeters;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.SnapshotRecords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * The posture rebuilt for a past instant equals the live posture recorded at that instant, and the
 * posture rebuilt for now equals the live one now: from the S3 audit trail (GET /api/posture?asOf=,
 * served by a node configured with the s3 sink) and from the delta topic (the posture command
 * without sink.s3.*).
 *
 * <p>Evaluation time is the snapshot record's timestamp (never going backwards per resource), so the
 * batches are sent with timestamps that bracket the instants asked for: batch 1 at t1, the instant A
 * one millisecond later, batch 2 at A + 1 ms. Every delta is then unambiguously before or after A,
 * whatever the wall clock does while the pipeline works.
 */
class PostureAsOfTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "as-of-token";
  private static final String BUCKET = "posture-audit";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldRebuildThePostureRecordedEarlierAndTheLiveOneNow() throws Exception {
    String prefix = "asof.";
    try (KafkaBroker broker = KafkaBroker.start(); AwsEmulator aws = AwsEmulator.start()) {
      System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY_ID);
      System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_ACCESS_KEY);
      try (S3Client s3 = s3(aws)) {
        s3.createBucket(b -> b.bucket(BUCKET));
      }
      Map<String, String> kafkaOnly = new HashMap<>(Map.of(
          "kafka.bootstrap.servers", broker.bootstrapServers(),
          "streams.application.id", "it-asof-" + UUID.randomUUID(),
          "topic.prefix", prefix,
          "topic.partitions", "2",
          "streams.state.dir", Files.createTempDirectory("asof").toString(),
          "http.port", "0",
          "http.token", TOKEN));
      Map<String, String> withS3 = new HashMap<>(kafkaOnly);
      withS3.putAll(Map.of("sink.s3.bucket", BUCKET, "sink.s3.prefix", "trail", "sink.s3.region", AwsEmulator.REGION,
          "sink.s3.endpoint", aws.endpoint().toString()));
      AppConfig s3Config = AppConfig.load(null, Map.of(), withS3);

      try (StreamsNode node = StreamsNode.start(s3Config);
          PipelineKafka kafka = new PipelineKafka(broker, prefix + "compliance.finding.delta.v1")) {
        await("streams running").atMost(Duration.ofSeconds(90))
            .until(() -> node.app().state() == KafkaStreams.State.RUNNING);
        String snapshots = prefix + "aws.resource.snapshot.v1";

        // Batch 0: six failing buckets, before the sink starts, so its first posture snapshot holds them.
        Instant t0 = Instant.now().minusSeconds(60);
        for (int i = 0; i < 6; i++) {
          kafka.send(snapshots, bucket(i, false, t0), t0.toEpochMilli());
        }
        await("batch 0 evaluated").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(practice10(get(node, "/api/posture")).path("fail").asInt()).isEqualTo(6));

        var meters = ProcessMeters.create();
        SinkRunner sink = SinkFactory.runner("s3", s3Config, meters);
        sink.start();
        Instant snapshotTaken;
        try {
          await("a complete posture snapshot in S3").atMost(Duration.ofSeconds(90)).until(() -> snapshotKeys(aws) > 0);
          snapshotTaken = Instant.now();

          // Batch 1 at t1 (after the snapshot): two resolve, one new failure.
          Instant t1 = snapshotTaken.plusSeconds(1);
          kafka.send(snapshots, bucket(0, true, t1), t1.toEpochMilli());
          kafka.send(snapshots, bucket(1, true, t1), t1.toEpochMilli());
          kafka.send(snapshots, bucket(6, false, t1), t1.toEpochMilli());
          await("batch 1 evaluated").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode p = practice10(get(node, "/api/posture"));
            assertThat(p.path("pass").asInt()).isEqualTo(2);
            assertThat(p.path("fail").asInt()).isEqualTo(5);
          });
          JsonNode postureA = open(get(node, "/api/posture"));
          Instant instantA = t1.plusMillis(1);

          // Batch 2 after A: one more resolves, a resolved one regresses, the new one resolves.
          Instant t2 = instantA.plusMillis(1);
          kafka.send(snapshots, bucket(2, true, t2), t2.toEpochMilli());
          kafka.send(snapshots, bucket(0, false, t2), t2.toEpochMilli());
          kafka.send(snapshots, bucket(6, true, t2), t2.toEpochMilli());
          await("batch 2 evaluated").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode p = practice10(get(node, "/api/posture"));
            assertThat(p.path("pass").asInt()).isEqualTo(3);
            assertThat(p.path("fail").asInt()).isEqualTo(4);
          });
          JsonNode postureNow = open(get(node, "/api/posture"));
          assertThat(postureNow).isNotEqualTo(postureA);
          // The sink has every delta in hand, then closing uploads what it buffers.
          List<io.compliancestreams.schemas.avro.FindingDelta> deltas =
              kafka.drainDeltas(new java.util.ArrayList<>(), Duration.ofSeconds(2));
          await("the s3 sink took every delta").atMost(Duration.ofSeconds(60)).until(() ->
              meters.counter("compliance.sink.delivered", "sink", "s3").count()
                  + meters.counter("compliance.sink.skipped", "sink", "s3").count() >= deltas.size());
          sink.close();
          Instant now = t2.isAfter(Instant.now()) ? t2 : Instant.now();

          // From S3, through the API of the node configured with the s3 sink.
          JsonNode fromS3A = get(node, "/api/posture?asOf=" + instantA);
          assertThat(fromS3A.path("snapshotAt").asText()).isNotEmpty();
          assertThat(fromS3A.path("source").asText()).startsWith("s3://" + BUCKET + "/trail/posture/dt=");
          assertThat(open(fromS3A)).isEqualTo(postureA);
          assertThat(open(get(node, "/api/posture?asOf=" + now))).isEqualTo(postureNow);

          HttpResponse<String> tooEarly = send(node, "/api/posture?asOf=" + t0);
          assertThat(tooEarly.statusCode()).isEqualTo(404);
          assertThat(JSON.readTree(tooEarly.body()).path("earliestAvailable").asText()).isNotEmpty();
          assertThat(send(node, "/api/posture?asOf=yesterday").statusCode()).isEqualTo(400);

          // From the delta topic, through the command, with the same configuration minus sink.s3.*.
          List<String> set = kafkaOnly.entrySet().stream()
              .flatMap(e -> java.util.stream.Stream.of("--set", e.getKey() + "=" + e.getValue())).toList();
          JsonNode fromTopicA = JSON.readTree(posture(0, set, "--as-of", instantA.toString(), "-o", "json"));
          assertThat(fromTopicA.path("source").asText()).isEqualTo(prefix + "compliance.finding.delta.v1");
          assertThat(open(fromTopicA)).isEqualTo(postureA);
          assertThat(fromTopicA.path("findings")).filteredOn(f -> f.path("practice").asInt() == 10).hasSize(7);
          JsonNode fromTopicNow = JSON.readTree(posture(0, set, "--as-of", now.toString(), "-o", "json"));
          assertThat(open(fromTopicNow)).isEqualTo(postureNow);
          assertThat(posture(0, set, "--as-of", now.toString())).contains("S3.4");
          posture(3, set, "--as-of", t0.minusSeconds(1).toString());
          posture(2, set, "--as-of", "2026-13-01");
        } finally {
          sink.close();
        }
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  /** Bucket {@code i}: passing (SSE-S3 default encryption) or failing (none), captured at {@code at}. */
  private static ResourceSnapshot bucket(int i, boolean passing, Instant at) {
    ResourceSnapshot template = SnapshotRecords.of(PracticeFixtures.load(10,
        passing ? "pass-sse-s3-default.json" : "fail-no-encryption-rule.json").items().get(0));
    String name = "asof-bucket-" + i;
    return ResourceSnapshot.newBuilder(template).setResourceId(name).setResourceName(name)
        .setArn("arn:aws:s3:::" + name).setAccountId("111122223333").setAwsRegion("eu-west-1").setCaptureTime(at)
        .setConfigurationStateId(Long.toString(at.toEpochMilli())).build();
  }

  /**
   * The counts a rebuilt posture can know: NOT_APPLICABLE results emit no delta, so the live
   * posture's notApplicable counts are left out (and practices with nothing else).
   */
  private static JsonNode open(JsonNode posture) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode practices = out.putArray("practices");
    for (JsonNode p : posture.path("practices")) {
      ObjectNode copy = ((ObjectNode) p).deepCopy();
      copy.remove("notApplicable");
      if (copy.path("pass").asInt() + copy.path("fail").asInt() + copy.path("suppressed").asInt()
          + copy.path("error").asInt() > 0) {
        practices.add(copy);
      }
    }
    out.set("accounts", posture.path("accounts"));
    return out;
  }

  private static JsonNode practice10(JsonNode posture) {
    for (JsonNode p : posture.path("practices")) {
      if (p.path("practice").asInt() == 10) {
        return p;
      }
    }
    return JSON.createObjectNode();
  }

  private String posture(int exit, List<String> set, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("posture"));
    all.addAll(set);
    all.addAll(List.of(args));
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = Main.commandLine().execute(all.toArray(String[]::new));
      assertThat(code).as("exit code of posture %s", String.join(" ", args)).isEqualTo(exit);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private JsonNode get(StreamsNode node, String path) throws Exception {
    HttpResponse<String> response = send(node, path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(StreamsNode node, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int snapshotKeys(AwsEmulator aws) {
    try (S3Client s3 = s3(aws)) {
      return s3.listObjectsV2(ListObjectsV2Request.builder().bucket(BUCKET).prefix("trail/posture/").build())
          .contents().size();
    }
  }

  private static S3Client s3(AwsEmulator aws) {
    return S3Client.builder().endpointOverride(aws.endpoint()).forcePathStyle(true).region(Region.of(AwsEmulator.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY)))
        .build();
  }
}
