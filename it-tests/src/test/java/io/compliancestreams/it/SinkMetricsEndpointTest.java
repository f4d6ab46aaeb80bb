package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.http.OpsServer;
import io.compliancestreams.app.run.ProcessMeters;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sinks' meters where Prometheus scrapes: {@code sink ocsf} run alone serves /health and
 * /metrics (behind the token), and {@code run} shows the sinks' meters on its one /metrics. Both as
 * real processes against a real broker; a delta delivered makes
 * {@code compliance_sink_delivered_total{sink="ocsf"}} rise.
 */
class SinkMetricsEndpointTest {

  private static final Pattern SINK_ADDRESS = Pattern.compile("sink ocsf started: /health and /metrics on (http://\\S+?)/\\s");
  private static final Pattern RUN_ADDRESS = Pattern.compile("dashboard and API on (http://\\S+?)/\\s");
  private static final String TOKEN = "metrics-token-" + UUID.randomUUID();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static KafkaBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldServeHealthAndCountADeliveredDeltaOnTheSinkRunAlone() throws Exception {
    String prefix = "metrics-alone.";
    Path log = dir.resolve("sink.log");
    Process sink = start(log, "sink", "ocsf", "--set", "topic.prefix=" + prefix, "--set", "http.port=0",
        "--set", "http.token=" + TOKEN);
    try {
      String base = await("the sink's address on stdout").atMost(Duration.ofSeconds(120))
          .until(() -> address(SINK_ADDRESS, log), a -> a != null);
      await("/health 200 while the sink consumes").atMost(Duration.ofSeconds(60))
          .until(() -> get(base + "/health", null).statusCode() == 200);
      assertThat(get(base + "/health", null).body()).contains("\"component\":\"sink ocsf\"", "\"state\":\"RUNNING\"");
      assertThat(get(base + "/metrics", null).statusCode()).as("/metrics without the token").isEqualTo(401);
      assertThat(get(base + "/metrics/", null).statusCode()).as("/metrics/ without the token").isEqualTo(401);
      assertThat(delivered(base)).as("before any delta").hasValue(0.0);

      sendDelta(prefix + "compliance.finding.delta.v1");

      await("compliance_sink_delivered_total{sink=\"ocsf\"} rises to 1").atMost(Duration.ofSeconds(60))
          .until(() -> delivered(base), d -> d.isPresent() && d.getAsDouble() == 1.0);
      String metrics = get(base + "/metrics", "Bearer " + TOKEN).body();
      assertThat(metrics).contains("compliance_sink_delivery_latency_seconds_count{sink=\"ocsf\"} 1",
          "compliance_sink_consumer_lag{sink=\"ocsf\"} 0", "compliance_sink_dead_lettered_total{sink=\"ocsf\"} 0",
          "compliance_sink_retried_total{sink=\"ocsf\"} 0", "jvm_memory_used_bytes");
      assertThat(consumerMetric(metrics, prefix + "compliance-sink-ocsf")).as("the sink consumer's Kafka client metrics")
          .hasValue(1.0);
      System.out.println("[metrics] sink alone: " + line(metrics, "compliance_sink_delivered_total"));
    } finally {
      sink.destroy();
      sink.waitFor();
    }
  }

  @Test
  void shouldAnswer503OnceTheSinkStopped() throws Exception {
    AppConfig config = AppConfig.load(null, Map.of(), Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
        "topic.prefix", "metrics-stop."));
    PrometheusMeterRegistry meters = ProcessMeters.create();
    SinkRunner runner = SinkFactory.runner("ocsf", config, meters);
    try (OpsServer http = new OpsServer("sink ocsf", runner::running, meters, null).start("127.0.0.1", 0)) {
      String health = "http://127.0.0.1:" + http.port() + "/health";
      assertThat(get(health, null).statusCode()).as("not consuming yet").isEqualTo(503);
      runner.start();
      await("/health 200 while it consumes").atMost(Duration.ofSeconds(30))
          .until(() -> get(health, null).statusCode() == 200);

      runner.close();

      HttpResponse<String> stopped = get(health, null);
      assertThat(stopped.statusCode()).isEqualTo(503);
      assertThat(stopped.body()).isEqualTo("{\"live\":false,\"ready\":false,\"component\":\"sink ocsf\",\"state\":\"STOPPED\"}");
    }
  }

  @Test
  void shouldShowTheSinksMetersOnTheOneMetricsOfRun() throws Exception {
    String prefix = "metrics-run.";
    Path log = dir.resolve("run.log");
    Process run = start(log, "run", "--no-ingest", "--set", "topic.prefix=" + prefix, "--set", "http.port=0",
        "--set", "streams.application.id=metrics-run", "--set", "streams.state.dir=" + dir.resolve("state"));
    try (PipelineKafka kafka = new PipelineKafka(broker, prefix + "compliance.finding.delta.v1")) {
      String base = await("the API address on stdout").atMost(Duration.ofSeconds(120))
          .until(() -> address(RUN_ADDRESS, log), a -> a != null);
      await("/health 200").atMost(Duration.ofSeconds(120)).until(() -> get(base + "/health", null).statusCode() == 200);
      await("the OCSF sink's meters on /metrics").atMost(Duration.ofSeconds(60))
          .until(() -> delivered(base), d -> d.isPresent() && d.getAsDouble() == 0.0);

      ResourceSnapshot failing = SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0));
      kafka.send(prefix + "aws.resource.snapshot.v1", failing, Instant.parse("2026-06-01T01:00:00Z").toEpochMilli());

      await("compliance_sink_delivered_total{sink=\"ocsf\"} rises on run's /metrics").atMost(Duration.ofSeconds(60))
          .until(() -> delivered(base), d -> d.isPresent() && d.getAsDouble() >= 1.0);
      String metrics = get(base + "/metrics", null).body();
      assertThat(metrics).contains("compliance_deltas_total", "kafka_stream_", "compliance_sink_consumer_lag{sink=\"ocsf\"}");
      // Beside the streams' own consumers: the sink's consumer under its group's client id. Its
      // per-topic meters (the only ones shown here: the streams' consumers have per-topic meters
      // of the same names) appear at the binder's next refresh, within 5 s.
      await("the sink consumer's kafka_consumer_* on run's /metrics").atMost(Duration.ofSeconds(30))
          .until(() -> consumerMetric(get(base + "/metrics", null).body(), prefix + "compliance-sink-ocsf"),
              consumed -> consumed.isPresent() && consumed.getAsDouble() >= 1.0);
      System.out.println("[metrics] run: " + line(metrics, "compliance_sink_delivered_total"));
    } finally {
      run.destroy();
      run.waitFor();
    }
  }

  private static void sendDelta(String topic) throws Exception {
    FindingDelta delta = FindingDelta.newBuilder(Samples.findingDelta()).setSuppressed(false)
        .setDeltaId("metrics-" + UUID.randomUUID()).setEvaluatedAt(Instant.now()).build();
    try (KafkaProducer<String, FindingDelta> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), AvroSerdes.findingDelta(SerdeConfig.singleObject()).serializer())) {
      producer.send(new ProducerRecord<>(topic, delta.getResourceKey(), delta)).get();
    }
  }

  /** compliance_sink_delivered_total{sink="ocsf"} as scraped, or empty while the meter is absent. */
  private static OptionalDouble delivered(String base) throws Exception {
    HttpResponse<String> response = get(base + "/metrics", "Bearer " + TOKEN);
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^compliance_sink_delivered_total\\{[^}]*sink=\"ocsf\"[^}]*} (\\S+)$")
        .matcher(response.body());
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }

  /** The records a consumer has consumed, kafka_consumer_fetch_manager_records_consumed_total of its client id. */
  private static OptionalDouble consumerMetric(String metrics, String clientId) {
    Matcher m = Pattern.compile("(?m)^kafka_consumer_fetch_manager_records_consumed_total\\{[^}]*client_id=\""
        + Pattern.quote(clientId) + "\"[^}]*} (\\S+)$").matcher(metrics);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }

  private static String line(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name)).findFirst().orElse("(none)");
  }

  private static HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String address(Pattern pattern, Path log) throws IOException {
    Matcher m = pattern.matcher(Files.readString(log));
    return m.find() ? m.group(1) : null;
  }

  /** The real entry point in a child JVM, against the test's broker; stdout and stderr to {@code log}. */
  private static Process start(Path log, String... args) throws IOException {
    return ChildMain.start("384m", broker.bootstrapServers(), log, args);
  }
}
