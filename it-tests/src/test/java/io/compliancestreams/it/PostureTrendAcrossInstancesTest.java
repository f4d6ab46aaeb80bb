package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.SnapshotRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Posture over time and time to remediate on two instances of a real broker: twelve buckets fail,
 * five are fixed twenty minutes later. The chart's last point is /api/posture's failing count, its
 * earlier points walk back through both instances' changes, the remediation figures come from both
 * instances' histories, and /metrics counts the five remediations in its histogram.
 */
class PostureTrendAcrossInstancesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";
  private static final String SEVERITY = PracticeCatalogue.all().stream().filter(p -> p.number() == 10)
      .findFirst().orElseThrow().metadata().severity().name();
  private final HttpClient http = HttpClient.newHttpClient();

  private static AppConfig config(KafkaBroker broker, String appId, String prefix) throws Exception {
    return AppConfig.load(null, Map.of(), Map.of(
        "kafka.bootstrap.servers", broker.bootstrapServers(),
        "streams.application.id", appId,
        "topic.prefix", prefix,
        "topic.partitions", "4",
        "streams.state.dir", Files.createTempDirectory("node").toString(),
        "http.port", "0",
        "http.token", TOKEN));
  }

  private HttpResponse<String> send(StreamsNode node, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(StreamsNode node, String path) throws Exception {
    HttpResponse<String> response = send(node, path);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void shouldChartTheFailingCountAndTimeTheRemediationsAcrossInstances() throws Exception {
    String appId = "it-trend-" + UUID.randomUUID();
    String prefix = "it18.";
    Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant failedAt = base.minus(Duration.ofMinutes(30)).plusSeconds(5);
    Instant fixedAt = base.minus(Duration.ofMinutes(10)).plusSeconds(5);
    try (KafkaBroker broker = KafkaBroker.start();
        StreamsNode a = StreamsNode.start(config(broker, appId, prefix));
        StreamsNode b = StreamsNode.start(config(broker, appId, prefix));
        PipelineKafka kafka = new PipelineKafka(broker, prefix + "compliance.finding.delta.v1")) {
      await("both instances running").atMost(Duration.ofSeconds(90)).until(() ->
          a.app().state() == KafkaStreams.State.RUNNING && b.app().state() == KafkaStreams.State.RUNNING);

      ResourceSnapshot encrypted = SnapshotRecords.of(PracticeFixtures.load(10, "pass-sse-s3-default.json").items().get(0));
      Map<String, String> plain = new HashMap<>(encrypted.getSupplementaryConfiguration());
      assertThat(plain.remove("ServerSideEncryptionConfiguration")).isNotNull();
      for (int i = 0; i < 12; i++) {
        kafka.send(prefix + "aws.resource.snapshot.v1", SnapshotRecords.later(ResourceSnapshot.newBuilder(bucket(encrypted, i))
            .setSupplementaryConfiguration(plain).build(), failedAt), failedAt.toEpochMilli());
      }
      await("twelve failing buckets, seen by the live feed").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(failing(get(a, "/api/posture"))).containsEntry(SEVERITY, 12L);
        assertThat(get(a, "/api/deltas?after=0")).hasSizeGreaterThanOrEqualTo(12);
      });
      for (int i = 0; i < 5; i++) {
        kafka.send(prefix + "aws.resource.snapshot.v1", SnapshotRecords.later(bucket(encrypted, i), fixedAt),
            fixedAt.toEpochMilli());
      }
      await("five fixed").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(failing(get(a, "/api/posture"))).containsEntry(SEVERITY, 7L));

      // The chart: the last point is the live count; before it, both instances' changes.
      await("the chart walks back through the read-back deltas").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        JsonNode trend = get(b, "/api/posture/trend?hours=1");
        JsonNode posture = get(b, "/api/posture");
        assertThat(trend.get("bucket").asText()).isEqualTo("PT1M");
        JsonNode points = trend.get("points");
        assertThat(points).hasSize(60);
        JsonNode last = points.get(59);
        assertThat(Instant.parse(last.get("at").asText())).isAfterOrEqualTo(base);
        assertThat(counts(last.get("failing"))).isEqualTo(failing(posture));
        assertThat(last.get("errors").asLong()).isEqualTo(errors(posture));
        assertThat(counts(point(points, base.minus(Duration.ofMinutes(40))).get("failing")))
            .allSatisfy((severity, n) -> assertThat(n).as(severity).isZero());
        assertThat(counts(point(points, base.minus(Duration.ofMinutes(20))).get("failing")))
            .containsEntry(SEVERITY, 12L);
        assertThat(counts(point(points, base.minus(Duration.ofMinutes(10))).get("failing")))
            .containsEntry(SEVERITY, 7L);
      });
      // Each instance holds its partitions' share of the changes; the chart adds both.
      long from = base.minus(Duration.ofMinutes(59)).toEpochMilli();
      JsonNode shareA = get(a, "/api/local/trend?from=" + from);
      JsonNode shareB = get(b, "/api/local/trend?from=" + from);
      String failMinute = Long.toString(base.minus(Duration.ofMinutes(30)).toEpochMilli());
      long onA = shareA.at("/minutes/" + failMinute + "/" + SEVERITY.toLowerCase()).asLong();
      long onB = shareB.at("/minutes/" + failMinute + "/" + SEVERITY.toLowerCase()).asLong();
      assertThat(onA).as("instance a's share of the twelve").isPositive();
      assertThat(onB).as("instance b's share of the twelve").isPositive();
      assertThat(onA + onB).isEqualTo(12);
      assertThat(shareA.at("/live/" + SEVERITY.toLowerCase()).asLong()
          + shareB.at("/live/" + SEVERITY.toLowerCase()).asLong()).isEqualTo(7);

      // Time to remediate: five failures of twenty minutes; seven still open since the first snapshot.
      await("the remediations in the history").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        JsonNode remediation = get(a, "/api/remediation");
        assertThat(remediation.get("practices")).singleElement().satisfies(p -> {
          assertThat(p.get("practice").asInt()).isEqualTo(10);
          assertThat(p.get("controlId").asText()).isEqualTo("S3.4");
          assertThat(p.get("severity").asText()).isEqualTo(SEVERITY);
          assertThat(p.get("remediated").asInt()).isEqualTo(5);
          assertThat(p.get("medianSeconds").asLong()).isEqualTo(1200);
          assertThat(p.get("p90Seconds").asLong()).isEqualTo(1200);
        });
        JsonNode open = remediation.get("oldestOpen");
        assertThat(open).hasSize(7);
        assertThat(open).allSatisfy(f -> {
          assertThat(f.get("practice").asInt()).isEqualTo(10);
          assertThat(Instant.parse(f.get("failingSince").asText())).isEqualTo(failedAt);
          assertThat(f.get("failingSeconds").asLong()).isGreaterThanOrEqualTo(30 * 60 - 5);
          assertThat(f.get("resourceName").asText()).startsWith("trend-bucket-");
          assertThat(f.get("findingId").asText()).startsWith("p10-");
        });
      });
      // The dashboard's filters narrow both lists: another account has neither.
      JsonNode elsewhere = get(b, "/api/remediation?account=999999999999");
      assertThat(elsewhere.get("practices")).isEmpty();
      assertThat(elsewhere.get("oldestOpen")).isEmpty();
      JsonNode here = get(b, "/api/remediation?account=" + encrypted.getAccountId() + "&practice=10&severity=" + SEVERITY);
      assertThat(here.at("/practices/0/remediated").asInt()).isEqualTo(5);
      assertThat(here.get("oldestOpen")).hasSize(7);
      assertThat(get(b, "/api/remediation?status=PASS").get("oldestOpen")).as("open failures are FAIL").isEmpty();
      JsonNode local = get(a, "/api/local/remediation");
      JsonNode other = get(b, "/api/local/remediation");
      assertThat(local.at("/remediatedMillis/10").size() + other.at("/remediatedMillis/10").size()).isEqualTo(5);

      // The histogram: each instance's feed saw the five RESOLVED deltas.
      await("the remediation histogram").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        String metrics = send(a, "/metrics").body();
        String labels = "control_id=\"S3.4\",practice_id=\"10\",severity=\"" + SEVERITY + "\"";
        assertThat(sample(metrics, "compliance_remediation_seconds_count{" + labels + "}")).isEqualTo(5.0);
        assertThat(sample(metrics, "compliance_remediation_seconds_sum{" + labels + "}")).isEqualTo(5 * 1200.0);
        assertThat(sample(metrics, "compliance_remediation_seconds_bucket{" + labels + ",le=\"900.0\"}")).isZero();
        assertThat(sample(metrics, "compliance_remediation_seconds_bucket{" + labels + ",le=\"1800.0\"}"))
            .isEqualTo(5.0);
      });

      HttpResponse<String> bad = send(a, "/api/posture/trend?hours=721");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("hours must be a whole number 1-720, got '721'");
    }
  }

  private static ResourceSnapshot bucket(ResourceSnapshot template, int i) {
    String name = "trend-bucket-" + i;
    return ResourceSnapshot.newBuilder(template).setResourceId(name).setResourceName(name)
        .setArn("arn:aws:s3:::" + name).build();
  }

  private static JsonNode point(JsonNode points, Instant at) {
    for (JsonNode p : points) {
      if (Instant.parse(p.get("at").asText()).equals(at)) {
        return p;
      }
    }
    throw new AssertionError("no point at " + at + " in " + points);
  }

  private static Map<String, Long> counts(JsonNode failing) {
    Map<String, Long> out = new LinkedHashMap<>();
    failing.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  /** /api/posture's failing findings (FAIL, not suppressed) per severity, every severity present. */
  private static Map<String, Long> failing(JsonNode posture) {
    Map<String, Long> out = counts(posture.get("failingBySeverity"));
    assertThat(out).containsOnlyKeys("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");
    return out;
  }

  private static long errors(JsonNode posture) {
    return posture.at("/total/error").asLong();
  }

  /** The value of the one Prometheus sample with exactly that name and labels (0 when absent). */
  private static double sample(String scrape, String series) {
    return scrape.lines().filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).sum();
  }
}
