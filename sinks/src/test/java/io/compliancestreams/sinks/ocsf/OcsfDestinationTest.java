package io.compliancestreams.sinks.ocsf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.sinks.runner.DeliveryException;
import io.compliancestreams.sinks.runner.RetrySettings;
import io.compliancestreams.sinks.runner.SinkRecord;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.sinks.runner.SinkSettings;
import io.compliancestreams.sinks.testkit.Deltas;
import io.compliancestreams.sinks.testkit.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OCSF events to a real broker's topic and to a Splunk HEC stub shaped as Splunk documents it. */
class OcsfDestinationTest {

  private static final String TOKEN = "11111111-2222-3333-4444-555555555555";
  private static final Instant T = Instant.parse("2025-03-01T10:15:30.123Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KafkaBroker kafka;
  private static Topics topics;

  private WireMockServer hec;

  @BeforeAll
  static void startBroker() {
    kafka = KafkaBroker.start();
    topics = new Topics(kafka.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @BeforeEach
  void startHec() {
    hec = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    hec.start();
  }

  @AfterEach
  void stopHec() {
    hec.stop();
  }

  @Test
  void shouldWriteOcsfEventsToTheTopicAndPostThemToHecInOneBatch() throws Exception {
    hec.stubFor(post("/services/collector/event").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"text\":\"Success\",\"code\":0}")));
    String deltas = topics.fresh("deltas", 1);
    String ocsf = topics.fresh("ocsf", 1);
    topics.produce(deltas, 0, List.of(Deltas.failing("f-1", 1, T), Deltas.failing("f-2", 1, T),
        Deltas.failing("f-3", 1, T)));
    SinkSettings settings = settings(deltas);

    SinkRunner runner = new SinkRunner(settings, destination(ocsf, 100), new SimpleMeterRegistry());
    runner.start();
    await("three events posted").until(() -> postedEvents().size() == 3);
    await("committed").until(() -> topics.committed(settings.groupId(), deltas, 1)
        .getOrDefault(new TopicPartition(deltas, 0), 0L) == 3L);
    runner.close();

    List<LoggedRequest> requests = hec.findAll(postRequestedFor(urlEqualTo("/services/collector/event")));
    assertThat(requests).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(request.getHeader("Authorization")).isEqualTo("Splunk " + TOKEN);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode first = postedEvents().get(0);
    assertThat(first.get("time").decimalValue()).isEqualByComparingTo("1740824130.123");
    assertThat(first.get("sourcetype").asText()).isEqualTo("ocsf:compliance_finding");
    assertThat(first.get("index").asText()).isEqualTo("security");
    assertThat(first.get("event").get("class_uid").asInt()).isEqualTo(2003);
    assertThat(first.get("event").get("finding_info").get("uid").asText()).isEqualTo("f-1");

    List<ConsumerRecord<byte[], byte[]>> onTopic = topics.readAll(ocsf);
    assertThat(onTopic).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("f-1", "f-2", "f-3");
    JsonNode event = JSON.readTree(onTopic.get(1).value());
    assertThat(event.get("metadata").get("uid").asText()).isEqualTo("f-2:1");
    assertThat(event.get("type_uid").asInt()).isEqualTo(200302);
    assertThat(event.at("/metadata/version").asText()).isEqualTo("1.6.0");
    assertThat(OcsfFixtures.schema(OcsfVersion.V1_6_0).validate(event)).isEmpty();
    assertThat(OcsfFixtures.schema(OcsfVersion.V1_6_0).validate(first.get("event"))).isEmpty();
  }

  @Test
  void shouldWriteOcsf110EventsThatValidateWhenConfigured() throws Exception {
    String ocsf = topics.fresh("ocsf", 1);
    try (OcsfDestination destination = OcsfDestination.create(
        OcsfSettings.of(kafka.bootstrapServers(), ocsf).withVersion(OcsfVersion.V1_1_0))) {
      destination.deliver(new SinkRecord("deltas", 0, 0, "f-1", Deltas.failing("f-1", 1, T)));
    }

    JsonNode event = JSON.readTree(topics.readAll(ocsf).get(0).value());
    assertThat(event.at("/metadata/version").asText()).isEqualTo("1.1.0");
    assertThat(OcsfFixtures.schema(OcsfVersion.V1_1_0).validate(event)).isEmpty();
  }

  @Test
  void shouldHoldOffsetsWhileHecIsBusyAndPostAgainAfterRetryAfter() {
    hec.stubFor(post("/services/collector/event").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")
            .withBody("{\"text\":\"Server is busy\",\"code\":9}"))
        .willSetStateTo("ready"));
    hec.stubFor(post("/services/collector/event").inScenario("busy").whenScenarioStateIs("ready")
        .willReturn(aResponse().withStatus(200).withBody("{\"text\":\"Success\",\"code\":0}")));
    String deltas = topics.fresh("deltas", 1);
    topics.produce(deltas, 0, List.of(Deltas.failing("f-1", 1, T), Deltas.failing("f-2", 1, T)));
    SinkSettings settings = settings(deltas);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    SinkRunner runner = new SinkRunner(settings, destination(topics.fresh("ocsf", 1), 100), registry);
    long start = System.nanoTime();
    runner.start();
    await("posted twice").until(() -> hec.findAll(postRequestedFor(urlEqualTo("/services/collector/event"))).size() == 2);
    await("committed").until(() -> topics.committed(settings.groupId(), deltas, 1)
        .getOrDefault(new TopicPartition(deltas, 0), 0L) == 2L);
    runner.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(registry.get("compliance.sink.retried").tag("sink", "ocsf").counter().count()).isEqualTo(1);
    assertThat(registry.get("compliance.sink.dead_lettered").tag("sink", "ocsf").counter().count()).isZero();
  }

  @Test
  void shouldRejectABadTokenWithoutRevealingTokenOrUrl() {
    hec.stubFor(post("/services/collector/event").willReturn(aResponse().withStatus(403)
        .withBody("{\"text\":\"Invalid token\",\"code\":4}")));
    HecClient client = new HecClient(HecSettings.of(URI.create(hec.baseUrl()), TOKEN));
    OcsfMapper mapper = new OcsfMapper("Example Corp", "0.1.0", OcsfVersion.V1_6_0);

    assertThatThrownBy(() -> client.post(List.of(client.envelope(mapper.map(Deltas.failing("f-1", 1, T))))))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).isEqualTo("HEC answered 403: Invalid token (code 4)")
              .doesNotContain(TOKEN).doesNotContain(hec.baseUrl());
        });
    assertThat(HecSettings.of(URI.create(hec.baseUrl()), TOKEN).toString()).doesNotContain(TOKEN);
  }

  private OcsfDestination destination(String ocsfTopic, int batch) {
    HecSettings hecSettings = new HecSettings(URI.create(hec.baseUrl()), TOKEN, "security", null, batch,
        Duration.ofSeconds(5));
    return OcsfDestination.create(OcsfSettings.of(kafka.bootstrapServers(), ocsfTopic).withHec(hecSettings));
  }

  private SinkSettings settings(String deltas) {
    return SinkSettings.of(kafka.bootstrapServers(), deltas, SinkSettings.groupId("test.", "ocsf-" + UUID.randomUUID()),
            SerdeConfig.singleObject())
        .withRetry(new RetrySettings(5, Duration.ofMillis(100), Duration.ofMillis(500), 2.0))
        .withPollTimeout(Duration.ofMillis(100))
        .withFlushInterval(Duration.ofMillis(200));
  }

  private List<JsonNode> postedEvents() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (LoggedRequest r : hec.findAll(postRequestedFor(urlEqualTo("/services/collector/event"))
        .withHeader("Authorization", equalTo("Splunk " + TOKEN)))) {
      for (String line : r.getBodyAsString().split("\n")) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }
}
