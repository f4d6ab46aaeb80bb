package io.compliancestreams.sinks.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.compliancestreams.schemas.avro.ChangeKind.REGRESSED;
import static io.compliancestreams.schemas.avro.ChangeKind.RESOLVED;
import static io.compliancestreams.schemas.avro.FindingStatus.FAIL;
import static io.compliancestreams.schemas.avro.FindingStatus.PASS;
import static io.compliancestreams.sinks.slack.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bot mode against a stub answering as Slack documents {@code chat.postMessage}: HTTP 200 with
 * {@code {"ok":true,"channel","ts","message"}} or {@code {"ok":false,"error"}}, 429 with Retry-After.
 */
class SlackBotDestinationTest {

  static final String METHOD = "/api/chat.postMessage";
  static final String POSTED = """
      {"ok": true, "channel": "C123ABC456", "ts": "1503435956.000247",
       "message": {"type": "message", "subtype": "bot_message", "text": "…",
                   "bot_id": "B123ABC456", "ts": "1503435956.000247"}}""";

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private final ObjectMapper json = new ObjectMapper();
  private final FakeTime time = new FakeTime();
  private final Fixtures.MapStore store = new Fixtures.MapStore();
  private SlackSettings settings;

  @BeforeEach
  void postedByDefault() {
    settings = Fixtures.bot(slack.baseUrl());
    slack.stubFor(post(METHOD).willReturn(okJson(POSTED)));
  }

  @Test
  void shouldPostToTheChannelWithTheBotToken() throws Exception {
    destination().deliver(Deltas.record(Deltas.regression(), 0));

    LoggedRequest request = requests().get(0);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
    JsonNode body = json.readTree(request.getBodyAsString());
    assertThat(body.get("channel").asText()).isEqualTo("#security-alerts");
    assertThat(body.has("thread_ts")).isFalse();
    assertThat(body.get("text").asText()).startsWith("[HIGH] Regression: S3.4");
    assertThat(body.at("/blocks/0/type").asText()).isEqualTo("header");
    assertThat(store.values).containsEntry("f-3b9a", "v1|C123ABC456|1503435956.000247|2|1740824130123");
  }

  @Test
  void shouldThreadALaterDeltaOfTheFindingUnderItsFirstMessage() throws Exception {
    settings = settings.withNotifyResolutions(true);
    SlackDestination destination = destination();
    destination.deliver(Deltas.record(Deltas.change(REGRESSED, PASS, FAIL, 2), 0));
    destination.deliver(Deltas.record(Deltas.change(RESOLVED, FAIL, PASS, 3), 1));
    destination.deliver(Deltas.record(Deltas.change(REGRESSED, PASS, FAIL, 4), 2));

    List<JsonNode> bodies = bodies();
    assertThat(bodies).hasSize(3);
    assertThat(bodies.get(0).has("thread_ts")).isFalse();
    JsonNode resolution = bodies.get(1);
    assertThat(resolution.get("channel").asText()).isEqualTo("C123ABC456");
    assertThat(resolution.get("thread_ts").asText()).isEqualTo("1503435956.000247");
    assertThat(resolution.get("reply_broadcast").asBoolean()).isFalse();
    JsonNode regressionAgain = bodies.get(2);
    assertThat(regressionAgain.get("thread_ts").asText()).as("under the root, not a reply")
        .isEqualTo("1503435956.000247");
    assertThat(regressionAgain.get("reply_broadcast").asBoolean()).as("a regression shows in the channel")
        .isTrue();
  }

  @Test
  void shouldKeepThreadingAfterARestart() throws Exception {
    destination().deliver(Deltas.record(Deltas.change(REGRESSED, PASS, FAIL, 2), 0));

    SlackDestination restarted = destination();
    restarted.deliver(Deltas.record(Deltas.change(REGRESSED, PASS, FAIL, 4), 5));

    assertThat(bodies().get(1).get("thread_ts").asText()).isEqualTo("1503435956.000247");
  }

  @Test
  void shouldNotPostADeltaAgainWhenItIsReplayed() throws Exception {
    destination().deliver(Deltas.record(Deltas.regression(), 0));

    // After a crash before the commit, the runner hands the same record to a new instance.
    destination().deliver(Deltas.record(Deltas.regression(), 0));

    assertThat(requests()).hasSize(1);
  }

  @Test
  void shouldFailPermanentlyOnOkFalse() {
    slack.stubFor(post(METHOD).willReturn(okJson("{\"ok\": false, \"error\": \"not_in_channel\"}")));

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("Slack chat.postMessage: not_in_channel");
  }

  @Test
  void shouldFailPermanentlyOnInvalidAuthWithoutNamingTheToken() {
    slack.stubFor(post(METHOD).willReturn(okJson("{\"ok\": false, \"error\": \"invalid_auth\"}")));

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("xoxb");
    assertThat(settings.toString()).doesNotContain(TOKEN).contains("botToken=(redacted)");
  }

  @Test
  void shouldRetryAfterWhatSlackSaysWhenRateLimited() {
    slack.stubFor(post(METHOD).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ok\": false, \"error\": \"ratelimited\"}")));

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).as(e.getMessage()).contains(Duration.ofSeconds(30));
    assertThat(store.values).as("nothing posted, nothing recorded").isEmpty();
  }

  @Test
  void shouldRetryTransientOkFalseAndServerErrorsAndResets() {
    slack.stubFor(post(METHOD).willReturn(okJson("{\"ok\": false, \"error\": \"internal_error\"}")));
    assertThat(deliverFailing().retryable()).isTrue();

    slack.stubFor(post(METHOD).willReturn(aResponse().withStatus(503)));
    assertThat(deliverFailing().retryable()).isTrue();

    slack.stubFor(post(METHOD).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    DeliveryException reset = deliverFailing();
    assertThat(reset.retryable()).isTrue();
    assertThat(reset.getMessage()).doesNotContain(TOKEN);

    slack.stubFor(post(METHOD).willReturn(okJson(POSTED).withFixedDelay(1_000)));
    settings = Fixtures.impatient(settings);
    assertThat(deliverFailing().retryable()).isTrue();
  }

  private SlackDestination destination() {
    return Fixtures.destination(settings, new ThreadLedger(store), time);
  }

  private DeliveryException deliverFailing() {
    return catchThrowableOfType(DeliveryException.class,
        () -> destination().deliver(Deltas.record(Deltas.regression(), 0)));
  }

  private List<LoggedRequest> requests() {
    return slack.findAll(postRequestedFor(urlEqualTo(METHOD)));
  }

  private List<JsonNode> bodies() {
    return requests().stream().map(r -> {
      try {
        return json.readTree(r.getBodyAsString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
