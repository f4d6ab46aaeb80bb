package io.compliancestreams.sinks.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.compliancestreams.sinks.slack.Fixtures.WEBHOOK_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Digests and pacing, driven as the runner drives a destination: {@code deliver} per record,
 * {@code flush(false)} after each poll, {@code durableOffsets} before each commit.
 */
class SlackNoiseControlTest {

  static final TopicPartition TP = new TopicPartition(Deltas.TOPIC, 0);

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private final ObjectMapper json = new ObjectMapper();
  private final FakeTime time = new FakeTime();
  private final Fixtures.MapStore store = new Fixtures.MapStore();
  private SlackSettings settings;

  @BeforeEach
  void setUp() {
    // N = 3 within W = 60 s, K = 2 resources named, digests collect for 10 s.
    settings = Fixtures.webhook(slack.baseUrl())
        .withNoiseControl(3, Duration.ofSeconds(60), 2, Duration.ofSeconds(10));
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  @Test
  void shouldTurnABurstIntoOneDigestAndHoldTheCommitUntilItIsPosted() throws Exception {
    SlackDestination destination = destination();
    deliverNewFailures(destination, 0, 8);

    assertThat(posted()).as("the first N go out one by one").hasSize(3);
    assertThat(destination.pendingDigest()).isEqualTo(5);
    assertThat(destination.durableOffsets(Map.of(TP, 8L))).isEqualTo(Map.of(TP, 3L));

    destination.flush(false);
    assertThat(posted()).as("the digest still collects").hasSize(3);

    time.advance(Duration.ofSeconds(10));
    destination.flush(false);

    List<JsonNode> bodies = posted();
    assertThat(bodies).hasSize(4);
    JsonNode digest = bodies.get(3);
    assertThat(digest.get("text").asText())
        .isEqualTo("Compliance digest: 5 changes (5 new or regressed failures)");
    assertThat(digest.at("/blocks/0/text/text").asText()).isEqualTo("Compliance digest: 5 changes");
    assertThat(digest.at("/blocks/2/text/text").asText()).isEqualTo("*By practice*\n"
        + "• 5 × Practice 7 (S3.4, HIGH) S3 buckets should have server-side encryption enabled");
    assertThat(digest.at("/blocks/3/text/text").asText()).isEqualTo("*Resources* (first 2)\n"
        + "• New failure · S3.4 · AWS::S3::Bucket bucket-3 (123456789012, eu-west-1)\n"
        + "• New failure · S3.4 · AWS::S3::Bucket bucket-4 (123456789012, eu-west-1)\n"
        + "…and 3 more");
    assertThat(digest.at("/blocks/4/text/text").asText())
        .isEqualTo("<https://dash.example.com|Open the dashboard>");
    assertThat(destination.durableOffsets(Map.of(TP, 8L))).isEqualTo(Map.of(TP, 8L));
  }

  @Test
  void shouldPostOneByOneAgainOnceTheWindowHasPassed() throws Exception {
    SlackDestination destination = destination();
    deliverNewFailures(destination, 0, 5);
    destination.flush(true);
    assertThat(posted()).hasSize(4);

    time.advance(Duration.ofSeconds(61));
    deliverNewFailures(destination, 5, 1);

    assertThat(posted()).hasSize(5);
    assertThat(posted().get(4).at("/blocks/1/text/text").asText()).startsWith("*New failure*");
  }

  @Test
  void shouldPaceMessagesToAboutOnePerSecond() throws Exception {
    deliverNewFailures(destination(), 0, 3);

    assertThat(posted()).hasSize(3);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void shouldKeepTheDigestPendingWhenSlackFails() throws Exception {
    SlackDestination destination = destination();
    deliverNewFailures(destination, 0, 5);
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(503)));

    DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> destination.flush(true));

    assertThat(e.retryable()).isTrue();
    assertThat(destination.durableOffsets(Map.of(TP, 5L))).isEqualTo(Map.of(TP, 3L));

    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(200).withBody("ok")));
    destination.flush(true);
    assertThat(destination.durableOffsets(Map.of(TP, 5L))).isEqualTo(Map.of(TP, 5L));
  }

  @Test
  void shouldForgetTheBufferOfARevokedPartition() throws Exception {
    SlackDestination destination = destination();
    deliverNewFailures(destination, 0, 6);

    destination.onRevoked(List.of(TP));
    destination.flush(true);

    assertThat(posted()).as("the new owner will deliver them").hasSize(3);
    assertThat(destination.pendingDigest()).isZero();
  }

  @Test
  void shouldNotRepostADigestedDeltaWhenItIsReplayed() throws Exception {
    SlackDestination destination = destination();
    deliverNewFailures(destination, 0, 6);
    destination.flush(true);
    assertThat(posted()).hasSize(4);

    // Crash before the commit: a new instance gets the same records again.
    SlackDestination restarted = destination();
    deliverNewFailures(restarted, 0, 6);
    restarted.flush(true);

    assertThat(posted()).hasSize(4);
  }

  @Test
  void shouldKeepAHugeDigestWithinBlockKitLimits() throws Exception {
    settings = settings.withNoiseControl(1, Duration.ofSeconds(60), 200, Duration.ofSeconds(10));
    SlackDestination destination = destination();
    for (int i = 0; i < 2_000; i++) {
      FindingDelta d = FindingDelta.newBuilder(Deltas.newFailure(i))
          .setPractice(1 + i % 26)
          .setResourceId("bucket-" + i + "-" + "x".repeat(300))
          .build();
      destination.deliver(Deltas.record(d, i));
    }
    destination.flush(true);

    JsonNode digest = posted().get(1);
    assertThat(digest.get("blocks").size()).isLessThanOrEqualTo(50);
    digest.get("blocks").forEach(b -> assertThat(b.at("/text/text").asText().length())
        .isLessThanOrEqualTo(b.get("type").asText().equals("header") ? 150 : 3000));
    assertThat(digest.at("/blocks/0/text/text").asText()).isEqualTo("Compliance digest: 1999 changes");
    assertThat(digest.at("/blocks/3/text/text").asText()).endsWith(" more");
  }

  private SlackDestination destination() {
    return Fixtures.destination(settings, new ThreadLedger(store), time);
  }

  private static void deliverNewFailures(SlackDestination destination, int from, int count)
      throws DeliveryException {
    for (int i = from; i < from + count; i++) {
      destination.deliver(Deltas.record(Deltas.newFailure(i), i));
    }
  }

  private List<JsonNode> posted() {
    return slack.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH))).stream().map(r -> {
      try {
        return json.readTree(r.getBodyAsString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
