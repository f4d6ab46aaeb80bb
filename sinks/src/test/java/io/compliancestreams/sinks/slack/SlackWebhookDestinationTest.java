package io.compliancestreams.sinks.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.compliancestreams.schemas.avro.ChangeKind.NEW;
import static io.compliancestreams.schemas.avro.ChangeKind.RESOLVED;
import static io.compliancestreams.schemas.avro.FindingStatus.FAIL;
import static io.compliancestreams.schemas.avro.FindingStatus.NOT_APPLICABLE;
import static io.compliancestreams.schemas.avro.FindingStatus.PASS;
import static io.compliancestreams.sinks.slack.Fixtures.WEBHOOK_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook mode against a stub answering as Slack documents incoming webhooks: 200 {@code ok};
 * 400 {@code invalid_payload}; 410 {@code channel_is_archived}; 429 with Retry-After; 500.
 */
class SlackWebhookDestinationTest {

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private final ObjectMapper json = new ObjectMapper();
  private final FakeTime time = new FakeTime();
  private SlackSettings settings;

  @BeforeEach
  void okByDefault() {
    settings = Fixtures.webhook(slack.baseUrl());
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("ok")));
  }

  @Test
  void shouldPostTheBlockKitMessageOfARegression() throws Exception {
    destination().deliver(Deltas.record(Deltas.regression(), 0));

    LoggedRequest request = onlyRequest();
    assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
    assertThat(json.readTree(request.getBodyAsString())).isEqualTo(expected("regression-webhook.json"));
  }

  @Test
  void shouldEscapeHostileValuesSoTheyCannotPingOrForgeALink() throws Exception {
    FindingDelta hostile = FindingDelta.newBuilder(Deltas.regression())
        .setResourceId("<!channel>")
        .setResourceArn("arn:aws:s3:::x<@U024BE7LH>")
        .setReason("Bucket <http://evil.example|click here> has no encryption & <!here>")
        .setRemediation("<!everyone> see <https://evil.example|the fix>")
        .setAttribution(io.compliancestreams.schemas.avro.Attribution.newBuilder(Deltas.regression().getAttribution())
            .setPrincipalArn("arn:aws:iam::123456789012:user/<!channel>")
            .setUserAgent("<https://evil.example|aws-cli>")
            .build())
        .build();

    destination().deliver(Deltas.record(hostile, 0));

    String body = onlyRequest().getBodyAsString();
    assertThat(body).doesNotContain("<!channel>", "<!here>", "<!everyone>", "<@U024BE7LH>",
        "<http://evil", "<https://evil");
    JsonNode blocks = json.readTree(body).get("blocks");
    assertThat(blocks.get(1).at("/text/text").asText())
        .contains("Bucket &lt;http://evil.example|click here&gt; has no encryption &amp; &lt;!here&gt;")
        .endsWith("_Changed by arn:aws:iam::123456789012:user/&lt;!channel&gt; from 203.0.113.7_");
    assertThat(blocks.get(2).at("/fields/3/text").asText()).isEqualTo("*Resource id*\n&lt;!channel&gt;");
    assertThat(blocks.get(2).at("/fields/4/text").asText()).isEqualTo("*ARN*\narn:aws:s3:::x&lt;@U024BE7LH&gt;");
    assertThat(blocks.get(3).at("/text/text").asText())
        .isEqualTo("*Remediation*\n&lt;!everyone&gt; see &lt;https://evil.example|the fix&gt;");
    assertThat(json.readTree(body).get("text").asText()).contains("&lt;!channel&gt;");
  }

  @Test
  void shouldCutLongTextsToBlockKitLimits() throws Exception {
    FindingDelta longOne = FindingDelta.newBuilder(Deltas.regression())
        .setTitle("T".repeat(400))
        .setReason("r".repeat(5000))
        .setResourceArn("a".repeat(2500))
        .build();

    destination().deliver(Deltas.record(longOne, 0));

    JsonNode blocks = json.readTree(onlyRequest().getBodyAsString()).get("blocks");
    String header = blocks.get(0).at("/text/text").asText();
    // Cut in the middle: both ends stay.
    assertThat(header).hasSize(150).contains("…");
    assertThat(blocks.get(1).at("/text/text").asText()).hasSize(3000).contains("r…r");
    assertThat(blocks.get(2).at("/fields/4/text").asText()).hasSize(2000).startsWith("*ARN*").contains("a…a");
  }

  @Test
  void shouldNotPostForNewPassOrNewNotApplicable() throws Exception {
    SlackDestination destination = destination();
    destination.deliver(Deltas.record(Deltas.change(NEW, null, PASS, 1), 0));
    destination.deliver(Deltas.record(Deltas.change(NEW, null, NOT_APPLICABLE, 1), 1));
    destination.flush(true);

    slack.verify(0, postRequestedFor(urlEqualTo(WEBHOOK_PATH)));
  }

  @Test
  void shouldNotPostResolutionsUnlessEnabled() throws Exception {
    destination().deliver(Deltas.record(Deltas.change(RESOLVED, FAIL, PASS, 3), 0));
    slack.verify(0, postRequestedFor(urlEqualTo(WEBHOOK_PATH)));

    settings = settings.withNotifyResolutions(true);
    destination().deliver(Deltas.record(Deltas.change(RESOLVED, FAIL, PASS, 3), 0));
    JsonNode body = json.readTree(onlyRequest().getBodyAsString());
    assertThat(body.at("/blocks/1/text/text").asText())
        .isEqualTo("*Resolved* · PASS (was FAIL)\nBucket audit-logs has no default encryption."
            + "\n_Changed by arn:aws:sts::123456789012:assumed-role/Admin/alice from 203.0.113.7_");
    assertThat(body.at("/blocks/3/type").asText()).as("no remediation block").isEqualTo("section");
    assertThat(body.at("/blocks/3/text/text").asText()).startsWith("<https://");
  }

  @Test
  void shouldRetryAfterWhatSlackSaysOn429() {
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "7").withBody("rate_limited")));

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void shouldRetryOnServerError() {
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(500).withBody("rollup_error")));

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("Slack webhook: HTTP 500 rollup_error");
  }

  @Test
  void shouldRetryOnTimeout() {
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(200).withBody("ok")
        .withFixedDelay(1_000)));
    settings = Fixtures.impatient(settings);

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).startsWith("Slack webhook: timed out");
  }

  @Test
  void shouldRetryOnConnectionReset() {
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).startsWith("Slack webhook: connection failed");
  }

  @Test
  void shouldFailPermanentlyOnInvalidPayload() {
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(400).withBody("invalid_payload")));

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("Slack webhook: HTTP 400 invalid_payload");
  }

  @Test
  void shouldFailPermanentlyOnArchivedChannel() {
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(410).withBody("channel_is_archived")));

    DeliveryException e = deliverFailing();

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("Slack webhook: HTTP 410 channel_is_archived");
  }

  @Test
  void shouldNeverPutTheWebhookUrlIntoMessagesOrToString() {
    String secretPath = "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
    // A server that echoes the URL in its error must not leak it either.
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(404)
        .withBody("no_service " + slack.baseUrl() + WEBHOOK_PATH)));
    DeliveryException notFound = deliverFailing();
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    DeliveryException reset = deliverFailing();
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withFixedDelay(1_000)));
    settings = Fixtures.impatient(settings);
    DeliveryException timeout = deliverFailing();

    for (DeliveryException e : List.of(notFound, reset, timeout)) {
      assertThat(e.getMessage()).doesNotContain(secretPath).doesNotContain("XXXXXXXX");
      assertThat(e.toString()).doesNotContain(secretPath);
      assertThat(e.getCause()).isNull();
    }
    assertThat(notFound.getMessage()).isEqualTo("Slack webhook: HTTP 404 no_service (redacted)");
    assertThat(settings.toString()).doesNotContain(secretPath).contains("webhookUrl=(redacted)");
  }

  private SlackDestination destination() {
    return Fixtures.destination(settings, ThreadLedger.none(), time);
  }

  private DeliveryException deliverFailing() {
    return catchThrowableOfType(DeliveryException.class,
        () -> destination().deliver(Deltas.record(Deltas.regression(), 0)));
  }

  private LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = slack.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private JsonNode expected(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/slack/" + name)) {
      return json.readTree(in);
    }
  }
}
