package io.compliancestreams.sinks.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.jira.JiraDestination;
import io.compliancestreams.sinks.jira.JiraSettings;
import io.compliancestreams.sinks.ocsf.OcsfDestination;
import io.compliancestreams.sinks.ocsf.OcsfSettings;
import io.compliancestreams.sinks.runner.CompactedTopicMap;
import io.compliancestreams.sinks.runner.SinkRecord;
import io.compliancestreams.sinks.slack.SlackDestination;
import io.compliancestreams.sinks.slack.SlackSettings;
import io.compliancestreams.sinks.testkit.Deltas;
import io.compliancestreams.sinks.testkit.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resource ids, ARNs, reasons (which quote tags and policy text) and remediation carrying Slack
 * mrkdwn and mentions, HTML script, Jira wiki and ADF markup, 100 KB of text and non-ASCII (RTL
 * override, zero-width joiners, emoji): every sink renders them inert and within its limits.
 */
class HostileContentTest {

  static final String SLACK = "<!channel> <!here> <@U012AB3CD> <http://evil.example|click> *b* _i_ ~s~ `c` &amp;";
  static final String HTML = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  static final String WIKI = "{code}x{code} [link|http://evil.example] !image.png! {noformat} h1. [~admin] \\\\";
  static final String ADF = "{\"type\":\"mention\",\"attrs\":{\"id\":\"all\",\"text\":\"@all\"}}";
  static final String UNICODE = "\u202Egpj.exe \u200B\u200D\uFEFF 🚨👩‍💻 עברית العربية";
  static final String ALL = SLACK + " " + HTML + " " + WIKI + " " + ADF + " " + UNICODE;
  /** About 100 KB, with surrogate pairs all along so any cut could split one. */
  static final String LONG = ALL.repeat(100_000 / ALL.length() + 1);
  /** Jira's default jira.text.field.character.limit. */
  static final int JIRA_TEXT_LIMIT = 32_767;

  static final ObjectMapper JSON = new ObjectMapper();
  static KafkaBroker kafka;
  static WireMockServer http;

  @BeforeAll
  static void start() {
    kafka = KafkaBroker.start();
    http = new WireMockServer(options().dynamicPort());
    http.start();
  }

  @AfterAll
  static void stop() {
    http.stop();
    kafka.close();
  }

  @BeforeEach
  void reset() {
    http.resetAll();
  }

  static FindingDelta hostile() {
    return FindingDelta.newBuilder(Deltas.failing("f-hostile", 1, Instant.parse("2025-03-01T10:15:30Z")))
        .setResourceId(ALL)
        .setResourceArn("arn:aws:s3:::" + ALL)
        .setReason("Bucket policy allows *: " + LONG)
        .setRemediation(ALL)
        // userAgent is whatever the caller sent; a principal or session name can carry text too.
        .setAttribution(io.compliancestreams.schemas.avro.Attribution.newBuilder(
                Deltas.failing("f-hostile", 1, Instant.parse("2025-03-01T10:15:30Z")).getAttribution())
            .setPrincipalArn("arn:aws:sts::123456789012:assumed-role/Admin/" + ALL)
            .setUserAgent(ALL)
            .build())
        .build();
  }

  static SinkRecord record(FindingDelta d) {
    return new SinkRecord("compliance.finding.delta.v1", 0, 0, d.getFindingId(), d);
  }

  @Test
  void shouldEscapeAndCutHostileTextInSlackBlocks() throws Exception {
    http.stubFor(post("/hooks/x").willReturn(aResponse().withStatus(200).withBody("ok")));
    SlackSettings settings = SlackSettings.webhook(URI.create(http.baseUrl() + "/hooks/x"),
        URI.create("http://127.0.0.1:8080")).withMinInterval(Duration.ZERO);
    try (SlackDestination slack = SlackDestination.create(settings)) {
      slack.deliver(record(hostile()));
    }

    JsonNode body = JSON.readTree(http.findAll(postRequestedFor(urlEqualTo("/hooks/x"))).get(0).getBodyAsString());
    List<String> texts = new ArrayList<>();
    texts.add(body.path("text").asText());
    for (JsonNode block : body.path("blocks")) {
      String type = block.path("type").asText();
      if (block.has("text")) {
        String text = block.path("text").path("text").asText();
        int limit = type.equals("header") ? 150 : 3000;
        assertThat(text.length()).as(type).isLessThanOrEqualTo(limit);
        texts.add(text);
      }
      block.path("fields").forEach(f -> {
        assertThat(f.path("text").asText().length()).isLessThanOrEqualTo(2000);
        texts.add(f.path("text").asText());
      });
      block.path("elements").forEach(e -> texts.add(e.path("text").asText()));
    }
    assertThat(body.path("text").asText().length()).isLessThanOrEqualTo(3000);
    String ourLink = "<http://127.0.0.1:8080/findings/f-hostile|Open finding in the dashboard>";
    for (String text : texts) {
      // The only angle brackets left are our own dashboard link: no mention, no link, no tag.
      assertThat(text.replace(ourLink, "")).doesNotContain("<", ">");
      assertWellFormedUtf16(text);
    }
    String all = String.join("\n", texts);
    assertThat(all).contains("&lt;!channel&gt; &lt;!here&gt; &lt;@U012AB3CD&gt; &lt;http://evil.example|click&gt;")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&amp;amp;")
        .contains(UNICODE)
        .contains("*Resource id*\n" + ALL.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    assertThat(all).contains("…"); // the 100 KB reason was cut
  }

  @Test
  void shouldKeepHostileTextInAdfTextNodesWithinJirasLimit() throws Exception {
    JsonNode fields = createIssue(JiraSettings.ApiVersion.CLOUD_V3);

    assertThat(fields.path("summary").asText().length()).isLessThanOrEqualTo(255);
    assertWellFormedUtf16(fields.path("summary").asText());
    JsonNode description = fields.path("description");
    assertThat(description.path("type").asText()).isEqualTo("doc");
    List<JsonNode> inline = new ArrayList<>();
    description.path("content").forEach(p -> {
      assertThat(p.path("type").asText()).isEqualTo("paragraph");
      p.path("content").forEach(inline::add);
    });
    assertThat(inline).allSatisfy(n -> assertThat(n.path("type").asText()).isEqualTo("text"));
    assertThat(inline).filteredOn(n -> n.has("marks"))
        .allSatisfy(n -> assertThat(n.path("text").asText()).doesNotContain("evil", "script", "mention"));
    assertThat(inline).extracting(n -> n.path("text").asText()).contains(ALL, "arn:aws:s3:::" + ALL);
    int total = inline.stream().mapToInt(n -> n.path("text").asText().length()).sum();
    assertThat(total).isLessThanOrEqualTo(JIRA_TEXT_LIMIT);
    inline.forEach(n -> assertWellFormedUtf16(n.path("text").asText()));
  }

  @Test
  void shouldEscapeHostileTextInWikiDescriptionWithinJirasLimit() throws Exception {
    JsonNode fields = createIssue(JiraSettings.ApiVersion.SERVER_V2);

    String description = fields.path("description").asText();
    assertThat(description.length()).isLessThanOrEqualTo(JIRA_TEXT_LIMIT);
    assertWellFormedUtf16(description);
    assertThat(description)
        .contains("\\{code\\}x\\{code\\} \\[link\\|http://evil.example\\] \\!image.png\\! \\{noformat\\} h1. "
            + "\\[\\~admin\\] &#92;&#92;")
        .doesNotContain("{code}", "[link|", "!image.png!", "{noformat}");
    // No line of ours can be started by a value: hostile text never begins a line.
    for (String line : description.split("\n")) {
      assertThat(line).doesNotStartWith("h1.").doesNotStartWith("{");
    }
  }

  @Test
  void shouldWriteHostileTextIntactAsValidOcsfJson() throws Exception {
    Topics topics = new Topics(kafka.bootstrapServers());
    String topic = topics.fresh("ocsf", 1);
    try (OcsfDestination ocsf = OcsfDestination.create(OcsfSettings.of(kafka.bootstrapServers(), topic))) {
      ocsf.deliver(record(hostile()));
    }

    byte[] value = topics.readAll(topic).get(0).value();
    JsonNode event = JSON.readTree(new String(value, StandardCharsets.UTF_8));
    assertThat(event.path("finding_info").path("desc").asText()).isEqualTo("Bucket policy allows *: " + LONG);
    assertThat(event.path("compliance").path("status_details").path(0).asText()).isEqualTo("Bucket policy allows *: " + LONG);
    assertThat(event.path("resources").get(0).path("name").asText()).isEqualTo(ALL);
    assertThat(event.path("remediation").path("desc").asText()).isEqualTo(ALL);
  }

  JsonNode createIssue(JiraSettings.ApiVersion version) throws Exception {
    String v = version == JiraSettings.ApiVersion.CLOUD_V3 ? "3" : "2";
    String dir = version == JiraSettings.ApiVersion.CLOUD_V3 ? "v3" : "v2";
    String typeId = version == JiraSettings.ApiVersion.CLOUD_V3 ? "10001" : "3";
    http.stubFor(get(urlPathEqualTo("/rest/api/" + v + "/issue/createmeta/SEC/issuetypes"))
        .willReturn(okJson(fixture(dir + "/createmeta-issuetypes.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/" + v + "/issue/createmeta/SEC/issuetypes/" + typeId))
        .willReturn(okJson(fixture(dir + "/createmeta-task-fields.json"))));
    http.stubFor(get(urlPathEqualTo(version == JiraSettings.ApiVersion.CLOUD_V3 ? "/rest/api/3/search/jql"
        : "/rest/api/2/search")).willReturn(okJson(fixture(dir
        + (version == JiraSettings.ApiVersion.CLOUD_V3 ? "/search-jql-empty.json" : "/search-empty.json")))));
    http.stubFor(post("/rest/api/" + v + "/issue").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1\",\"key\":\"SEC-1\"}")));
    JiraSettings settings = JiraSettings.defaults(URI.create(http.baseUrl()), JiraSettings.Auth.bearer("t0ken"), "SEC")
        .withApiVersion(version)
        .withDoneTransition(version == JiraSettings.ApiVersion.CLOUD_V3 ? "Done" : "Resolve Issue")
        .withIssueMapTopic("jira-hostile-" + UUID.randomUUID());
    try (CompactedTopicMap map = CompactedTopicMap.open(kafka.bootstrapServers(), settings.issueMapTopic(), (short) 1);
        JiraDestination jira = JiraDestination.start(settings, map)) {
      jira.deliver(record(hostile()));
    }
    String body = http.findAll(postRequestedFor(urlEqualTo("/rest/api/" + v + "/issue"))).get(0).getBodyAsString();
    return JSON.readTree(body).path("fields");
  }

  static void assertWellFormedUtf16(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            .as("high surrogate at %d is followed by a low one", i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
      }
    }
  }

  static String fixture(String path) {
    try (InputStream in = HostileContentTest.class.getResourceAsStream("/jira/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
