package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.state.StateStores;
import io.compliancestreams.streams.topology.SnapshotRecords;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.Test;

/** Two instances share the partitions; either one's query API answers for the other's keys. */
class QueryAcrossInstancesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private static AppConfig config(KafkaBroker broker, String appId, String prefix) throws Exception {
    return AppConfig.load(null, Map.of(), Map.of(
        "kafka.bootstrap.servers", broker.bootstrapServers(),
        "streams.application.id", appId,
        "topic.prefix", prefix,
        "topic.partitions", "4",
        "streams.state.dir", Files.createTempDirectory("node").toString(),
        "http.port", "0",
        "http.token", "s3cret-token"));
  }

  private JsonNode get(StreamsNode node, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
    JsonNode body = json ? JSON.readTree(response.body()) : JSON.getNodeFactory().textNode(response.body());
    return JSON.createObjectNode().put("status", response.statusCode()).set("body", body);
  }

  private HttpResponse<String> scrape(StreamsNode node) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/metrics"))
        .header("Authorization", "Bearer s3cret-token").build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The sum of the Prometheus samples of that metric whose labels include {@code label}. */
  private static double sum(String scrape, String metric, String label) {
    return scrape.lines()
        .filter(line -> line.startsWith(metric) && line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void shouldAnswerForKeysOwnedByTheOtherInstance() throws Exception {
    String appId = "it-query-" + UUID.randomUUID();
    String prefix = "it3.";
    try (KafkaBroker broker = KafkaBroker.start();
        StreamsNode a = StreamsNode.start(config(broker, appId, prefix));
        StreamsNode b = StreamsNode.start(config(broker, appId, prefix));
        PipelineKafka kafka = new PipelineKafka(broker, prefix + "compliance.finding.delta.v1")) {
      await("both instances running").atMost(Duration.ofSeconds(90)).until(() ->
          a.app().state() == KafkaStreams.State.RUNNING && b.app().state() == KafkaStreams.State.RUNNING);

      ResourceSnapshot template = SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0));
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String name = "query-bucket-" + i;
        ResourceSnapshot bucket = ResourceSnapshot.newBuilder(template).setResourceId(name).setResourceName(name)
            .setArn("arn:aws:s3:::" + name).build();
        kafka.send(prefix + "aws.resource.snapshot.v1", bucket, Instant.parse("2026-06-01T01:00:00Z").toEpochMilli());
        keys.add(SnapshotRecords.key(bucket));
      }
      await("every bucket evaluated").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        JsonNode all = get(a, "/api/findings?practice=10", "s3cret-token");
        assertThat(all.get("status").asInt()).isEqualTo(200);
        assertThat(all.get("body")).hasSize(12);
      });

      String ownedByB = keys.stream().filter(k -> {
        KeyQueryMetadata meta = a.app().streams().queryMetadataForKey(StateStores.RESOURCE_STATE, k,
            Serdes.String().serializer());
        return meta.activeHost().equals(b.self());
      }).findFirst().orElseThrow(() -> new AssertionError("no key landed on instance b"));
      JsonNode resource = get(a, "/api/resource?key=" + URLEncoder.encode(ownedByB, StandardCharsets.UTF_8), "s3cret-token");
      assertThat(resource.get("status").asInt()).isEqualTo(200);
      assertThat(resource.at("/body/resourceKey").asText()).isEqualTo(ownedByB);
      assertThat(resource.at("/body/findings")).anySatisfy(f -> {
        assertThat(f.get("controlId").asText()).isEqualTo("S3.4");
        assertThat(f.get("status").asText()).isEqualTo("FAIL");
      });

      // A finding's page: its history lives with its id's partition of the delta topic, its
      // current state with its resource; ask the instance that holds neither when there is one.
      JsonNode findings = get(a, "/api/findings?practice=10", "s3cret-token").get("body");
      JsonNode remote = null;
      for (JsonNode f : findings) {
        KeyQueryMetadata history = a.app().streams().queryMetadataForKey(StateStores.FINDING_HISTORY,
            f.get("findingId").asText(), Serdes.String().serializer());
        if (history.activeHost().equals(b.self())) {
          remote = f;
        }
      }
      assertThat(remote).as("a finding whose history instance b holds").isNotNull();
      String findingId = remote.get("findingId").asText();
      await("the finding's history").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        JsonNode page = get(a, "/api/findings/" + findingId, "s3cret-token");
        assertThat(page.get("status").asInt()).as(page.toString()).isEqualTo(200);
        assertThat(page.at("/body/current/status").asText()).isEqualTo("FAIL");
        assertThat(page.at("/body/resource/name").asText()).startsWith("query-bucket-");
        assertThat(page.at("/body/resource/arn").asText()).startsWith("arn:aws:s3:::query-bucket-");
        assertThat(page.at("/body/history")).singleElement().satisfies(e -> {
          assertThat(e.get("changeKind").asText()).isEqualTo("NEW");
          assertThat(e.get("newStatus").asText()).isEqualTo("FAIL");
          assertThat(e.get("deltaId").asText()).isEqualTo(findingId + "-1");
        });
      });
      JsonNode shell = get(b, "/findings/" + findingId, null);
      assertThat(shell.get("status").asInt()).as("the page shell needs no token").isEqualTo(200);
      assertThat(shell.get("body").asText()).contains("<script src=\"/finding.js\"></script>");
      assertThat(get(a, "/api/findings/" + findingId, null).get("status").asInt()).isEqualTo(401);
      assertThat(get(a, "/api/findings/p10-000000000000000000000000", "s3cret-token").get("status").asInt())
          .isEqualTo(404);

      JsonNode posture = get(b, "/api/posture", "s3cret-token");
      assertThat(posture.get("status").asInt()).isEqualTo(200);
      assertThat(posture.at("/body/practices")).anySatisfy(p -> {
        assertThat(p.get("practice").asInt()).isEqualTo(10);
        assertThat(p.get("fail").asInt()).isEqualTo(12);
      });

      await("the live feed saw the deltas").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(get(a, "/api/deltas?after=0", "s3cret-token").get("body")).isNotEmpty());
      HttpResponse<String> metrics = scrape(a);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("compliance_deltas_total{", "kafka_stream_", "jvm_memory_used_bytes");
      // Each practice's evaluation time: the binder picks up sensors created after start (at task
      // assignment) on its refresh, every 5 s (StreamsNode). Between them the two instances evaluated each bucket
      // once with practice 10.
      await("practice 10's evaluations on /metrics").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String both = scrape(a).body() + scrape(b).body();
            assertThat(both).contains(
                "kafka_stream_practice_evaluate_latency_avg{", "kafka_stream_practice_evaluate_latency_max{",
                "kafka_stream_practice_evaluate_rate{");
            assertThat(sum(both, "kafka_stream_practice_evaluate_total{", "practice_id=\"10\"")).isEqualTo(12.0);
          });

      assertThat(get(a, "/metrics", null).get("status").asInt()).isEqualTo(401);
      assertThat(get(a, "/api/findings", null).get("status").asInt()).isEqualTo(401);
      assertThat(get(a, "/api/findings", "wrong").get("status").asInt()).isEqualTo(401);
      assertThat(get(a, "/health", null).get("status").asInt()).isEqualTo(200);
    }
  }
}
