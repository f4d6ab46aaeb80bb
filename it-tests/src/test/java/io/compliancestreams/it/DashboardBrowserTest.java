package io.compliancestreams.it;

import io.compliancestreams.schemas.contract.ResourceKey;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's pages in a real headless browser against a running pipeline: the overview
 * (headline, breakdowns, every practice with errors counted, live changes), its filters read from
 * the URL and applied to every panel, the resource and finding pages, hostile and very long names
 * made harmless, under a Content-Security-Policy that allows no inline script or style (the
 * browser reports no violation and no script error) and with the security headers on every
 * response. Expected figures are computed here from {@code /api/findings}, the raw findings, not
 * from the counts the page shows.
 */
class DashboardBrowserTest {

  /**
   * Markup for every renderer at once: HTML that would run script, Slack mentions, Jira wiki and
   * ADF, an RTL override, zero-width characters and an emoji.
   */
  static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=\"document.title='pwned';"
      + "document.body.setAttribute('data-pwned','img')\"><svg onload=\"document.body.setAttribute('data-pwned','svg')\">"
      + " <!channel> {code}x{code} [link|http://evil.example] !image.png! {\"type\":\"mention\"}"
      + " \u202Egpj.exe \u200B\u200D 🚨";

  /** A 5,000-character name: it must not fill the page. */
  static final String LONG = "long-start-" + "n".repeat(4978) + "-long-end";

  static final String ACCOUNT_A = "111122223333";
  static final String ACCOUNT_B = "444455556666";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");

  private static HeadlessChromium chromium;
  private static KafkaBroker broker;
  private static StreamsNode node;
  private static PipelineKafka kafka;
  private static String url;
  private static String hostileKey;

  @BeforeAll
  static void startPipelineWithHostileLongErrorAndRegressedResources() throws Exception {
    chromium = HeadlessChromium.find();
    String prefix = "ui.";
    broker = KafkaBroker.start();
    node = StreamsNode.start(AppConfig.load(null, Map.of(), Map.of(
        "kafka.bootstrap.servers", broker.bootstrapServers(),
        "streams.application.id", "ui-" + UUID.randomUUID(),
        "topic.prefix", prefix,
        "topic.partitions", "2",
        "streams.state.dir", Files.createTempDirectory("ui").toString(),
        "http.port", "0")));
    kafka = new PipelineKafka(broker, prefix + "compliance.finding.delta.v1");
    await("streams running").atMost(Duration.ofSeconds(60))
        .until(() -> node.app().state() == KafkaStreams.State.RUNNING);
    String snapshots = prefix + "aws.resource.snapshot.v1";
    long t = Instant.parse("2026-06-01T01:00:00Z").toEpochMilli();

    ResourceSnapshot hostile = ResourceSnapshot.newBuilder(
            SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0)))
        .setResourceId("hostile-bucket").setResourceName(HOSTILE)
        .setArn("arn:aws:s3:::" + HOSTILE)
        .setTags(Map.of("owner", "\u2066mallory\u2069", "note", "note-" + "x".repeat(300) + "-end")).build();
    hostileKey = key(hostile);
    kafka.send(snapshots, hostile, t);
    ResourceSnapshot pass = SnapshotRecords.of(PracticeFixtures.load(10, "pass-sse-s3-default.json").items().get(0));
    kafka.send(snapshots, pass, t);
    kafka.send(snapshots, ResourceSnapshot.newBuilder(
        SnapshotRecords.of(PracticeFixtures.load(10, "pass-sse-kms-default.json").items().get(0)))
        .setResourceId("kms-bucket").build(), t);
    // An evaluation that throws: an ERROR finding, which the overview must count.
    kafka.send(snapshots, ResourceSnapshot.newBuilder(
            SnapshotRecords.of(PracticeFixtures.load(10, "error-rules-not-an-array.json").items().get(0)))
        .setResourceId("error-bucket").build(), t);
    kafka.send(snapshots, ResourceSnapshot.newBuilder(
            SnapshotRecords.of(PracticeFixtures.load(10, "fail-rule-without-default-algorithm.json").items().get(0)))
        .setAccountId(ACCOUNT_B).setAwsRegion("ap-southeast-2").setResourceId("long-bucket").setResourceName(LONG)
        .setArn("arn:aws:s3:::long-bucket").build(), t);
    await("first deltas in the feed").atMost(Duration.ofSeconds(30))
        .until(() -> node.feed().after(0).stream().map(d -> d.resourceId()).distinct().count() >= 5);

    ResourceSnapshot regressed = ResourceSnapshot.newBuilder(SnapshotRecords.later(pass, Instant.ofEpochMilli(t + 60_000)))
        .setSupplementaryConfiguration(hostile.getSupplementaryConfiguration()).build();
    kafka.send(snapshots, regressed, t + 60_000);
    await("the regression in the feed").atMost(Duration.ofSeconds(30)).until(() ->
        node.feed().after(0).stream().anyMatch(d -> d.changeKind().equals("REGRESSED")));
    url = "http://127.0.0.1:" + node.httpPort();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {kafka, node, broker}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing what is left
      }
    }
  }

  @Test
  void shouldShowHeadlineBreakdownsPracticesAndLiveChangesWithNamesMadeVisible() throws Exception {
    HeadlessChromium.Page page = load("/", "overview");
    assertCleanConsole(page);
    String dom = page.dom();

    assertThat(count(dom, "<tr class=\"practice")).as("a row per practice").isEqualTo(PracticeCatalogue.all().size());
    assertThat(dom).contains("S3.4").contains("GuardDuty.1");
    assertHeadline(dom, findings(""));
    assertThat(dom).as("a row per account and per region").contains("data-account=\"" + ACCOUNT_A + "\"",
        "data-account=\"" + ACCOUNT_B + "\"", "data-region=\"us-east-1\"", "data-region=\"ap-southeast-2\"");
    assertThat(practiceCell(dom, 10, "error-count")).as("S3.4's ERROR finding counted").isEqualTo(
        count(findings("?practice=10&status=ERROR"), f -> !f.get("suppressed").asBoolean()));

    assertThat(dom).as("the injected regression, live, linked to its finding page, with time and severity")
        .containsPattern("<li class=\"REGRESSED\" data-seq=\"\\d+\"><time datetime=\"[^\"]+\">\\d\\d:\\d\\d:\\d\\d</time>"
            + "<span class=\"sev sev-[A-Z]+\">[A-Z]+</span><a class=\"kind\" href=\"/findings/p10-[0-9a-f]{24}\">"
            + "REGRESSED PASS→FAIL</a>");
    assertThat(dom).as("NEW PASS hidden by default").doesNotContain("NEW –→PASS").contains("NEW –→FAIL");

    assertThat(dom).as("hostile names are text").contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x")
        .as("the RTL override and zero-width characters made visible")
        .contains("<span class=\"cs-invisible\">⟨U+202E⟩</span>gpj.exe <span class=\"cs-invisible\">⟨U+200B⟩</span>"
            + "<span class=\"cs-invisible\">⟨U+200D⟩</span> 🚨")
        .doesNotContain("\u202E", "\u200B", "\u200D");
    assertThat(dom).as("no script ran, no element was made from data")
        .doesNotContain("<script>alert(1)</script>", "<img", "<svg onload", "document.title='pwned';document.body.setAttribute(\"")
        .contains("<title>Compliance Streams</title>")
        .doesNotContainPattern("<body[^>]*data-pwned");
    assertShortened(dom, LONG);
    assertOptionalPanels(dom);

    // What one update cycle downloaded (the page counts the bodies it read), against what the
    // previous page read per cycle: every finding again, plus the catalogue.
    Matcher bytes = Pattern.compile("data-update-bytes=\"(\\d+)\"").matcher(dom);
    assertThat(bytes.find()).as("the page measured its update").isTrue();
    long deltas = body("/api/deltas?after=0").length;
    long before = deltas + body("/api/practices").length + body("/api/findings").length;
    long after = deltas + body("/api/posture").length;
    System.out.printf("bytes per update with every delta new: page %s; before (deltas + practices + all findings)"
        + " %d, after (deltas + posture) %d%n", bytes.group(1), before, after);

    Path png = Path.of("target", "dashboard.png");
    chromium.screenshot(url + "/", 6000, png);
    assertThat(Files.size(png)).as("screenshot written to %s", png).isGreaterThan(10_000);

    assertSecurityHeaders(url + "/", 200);
    assertSecurityHeaders(url + "/dashboard.js", 200);
    assertSecurityHeaders(url + "/dashboard.css", 200);
    assertSecurityHeaders(url + "/text.js", 200);
    assertSecurityHeaders(url + "/page.js", 200);
    assertSecurityHeaders(url + "/api/posture", 200);
    assertSecurityHeaders(url + "/api/posture/", 404);
    assertSecurityHeaders(url + "/no-such-page", 404);
  }

  @Test
  void shouldApplyTheUrlFiltersToEveryPanel() throws Exception {
    HeadlessChromium.Page page = load("/?account=" + ACCOUNT_B, "overview-account-b");
    assertCleanConsole(page);
    String dom = page.dom();
    assertHeadline(dom, findings("?account=" + ACCOUNT_B));
    assertThat(dom).as("the breakdowns hold the filtered account only")
        .contains("data-account=\"" + ACCOUNT_B + "\"", "data-region=\"ap-southeast-2\"")
        .doesNotContain("data-account=\"" + ACCOUNT_A + "\"", "data-region=\"us-east-1\"");
    assertThat(practiceCell(dom, 10, "fail-count")).as("the practices table counts the filtered findings")
        .isEqualTo(count(findings("?account=" + ACCOUNT_B + "&practice=10&status=FAIL"),
            f -> !f.get("suppressed").asBoolean()));
    assertThat(dom).as("the changes list is filtered too: account B's change, not account A's")
        .contains("cs-cut").doesNotContain("REGRESSED PASS→FAIL", "gpj.exe");

    HeadlessChromium.Page shown = load("/?newpass=1", "overview-new-pass");
    assertThat(shown.dom()).as("the toggle shows NEW PASS").contains("NEW –→PASS");

    // A practice and a status: the practice's detail opens, each finding linked to its pages.
    HeadlessChromium.Page practice = load("/?practice=10&account=" + ACCOUNT_A + "&status=FAIL", "overview-practice-10");
    assertCleanConsole(practice);
    String detail = practice.dom();
    String hostileId = findings("?practice=10&resource=hostile-bucket").get(0).get("findingId").asText();
    assertThat(detail).as("the detail lists the failing finding with links to its finding and resource pages")
        .contains("<section id=\"detail\">")
        .contains("href=\"" + resourcePath(hostileKey) + "\"")
        .contains("<a href=\"/findings/" + hostileId + "\" class=\"finding-link\">finding</a>");
    assertThat(count(detail, "<tr class=\"finding\">")).isEqualTo(count(
        findings("?practice=10&account=" + ACCOUNT_A + "&status=FAIL"), f -> true));
    assertThat(detail).as("changes of other practices, accounts and statuses are filtered out")
        .contains("REGRESSED PASS→FAIL").doesNotContain("#11 S3.8", "NEW –→ERROR", "cs-cut\">…</span>nnn");
  }

  @Test
  void shouldShowEveryPracticesFindingOfAResourceOnItsPage() throws Exception {
    String pageUrl = url + resourcePath(hostileKey);
    HeadlessChromium.Page page = load(resourcePath(hostileKey), "resource");
    assertCleanConsole(page);
    String dom = page.dom();
    JsonNode resource = json("/api/resource?key=" + URLEncoder.encode(hostileKey, StandardCharsets.UTF_8));
    assertThat(count(dom, "<tr class=\"finding status-")).as("a row per practice's finding")
        .isEqualTo(resource.get("findings").size()).isGreaterThanOrEqualTo(2);
    for (JsonNode f : resource.get("findings")) {
      assertThat(dom).as("practice %s's finding linked", f.get("practice"))
          .contains("<a href=\"/findings/" + f.get("findingId").asText() + "\">" + f.get("status").asText() + "</a>");
    }
    assertThat(dom).contains("<td id=\"resource-snapshot\">" + resource.get("lastSnapshotAt").asText() + "</td>")
        .contains("AWS::S3::Bucket")
        .as("the tags, made visible and shortened")
        .contains("<span class=\"cs-invisible\">⟨U+2066⟩</span>mallory<span class=\"cs-invisible\">⟨U+2069⟩</span>")
        .contains("title=\"note-" + "x".repeat(300) + "-end\"")
        .as("the name made visible").contains("<span class=\"cs-invisible\">⟨U+202E⟩</span>gpj.exe")
        .doesNotContain("\u202E", "\u2066", "<script>alert(1)</script>", "<img")
        .doesNotContainPattern("<body[^>]*data-pwned");
    assertSecurityHeaders(pageUrl, 200);
    assertSecurityHeaders(url + "/resource.js", 200);
    assertSecurityHeaders(url + "/resources/c328", 404); // hex, but not UTF-8: no key
    assertSecurityHeaders(url + resourcePath(hostileKey).toUpperCase(Locale.ROOT), 404);

    HeadlessChromium.Page unknown = load(resourcePath(ACCOUNT_A + "/eu-west-1/AWS::S3::Bucket/none"), "resource-unknown");
    assertThat(unknown.dom()).contains("no such resource");
  }

  @Test
  void shouldShowTheFindingPageWithNamesMadeVisibleAndALinkToItsResource() throws Exception {
    String hostileId = findings("?practice=10&resource=hostile-bucket").get(0).get("findingId").asText();
    String findingUrl = url + "/findings/" + hostileId;
    HeadlessChromium.Page finding = load("/findings/" + hostileId, "finding");
    assertCleanConsole(finding);
    assertThat(finding.dom()).as("the finding page rendered its facts and history")
        .contains("S3.4 ", "FAIL", "arn:aws:s3:::", "<tr class=\"change NEW\">")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x")
        .contains("<a href=\"" + resourcePath(hostileKey) + "\"")
        .contains("<span class=\"cs-invisible\">⟨U+202E⟩</span>gpj.exe")
        .doesNotContain("\u202E", "<script>alert(1)</script>", "<img", "<svg onload")
        .doesNotContainPattern("<body[^>]*data-pwned");
    assertSecurityHeaders(findingUrl, 200);
    assertSecurityHeaders(url + "/finding.js", 200);

    String longId = findings("?resource=long-bucket").get(0).get("findingId").asText();
    assertShortened(load("/findings/" + longId, "finding-long").dom(), LONG);

    Path png = Path.of("target", "finding.png");
    chromium.screenshot(findingUrl, 6000, png);
    assertThat(Files.size(png)).as("screenshot written to %s", png).isGreaterThan(10_000);
  }

  /** Loads a page and keeps its DOM under target/pages/ (an artifact to look at when a test fails). */
  private static HeadlessChromium.Page load(String path, String name) throws Exception {
    HeadlessChromium.Page page = chromium.load(url + path, 6000);
    Path dir = Files.createDirectories(Path.of("target", "pages"));
    Files.writeString(dir.resolve(name + ".html"), page.dom());
    return page;
  }

  /** The headline's share and failing counts, against the raw findings. */
  private static void assertHeadline(String dom, List<JsonNode> findings) {
    int pass = count(findings, f -> !suppressedOrNa(f) && f.get("status").asText().equals("PASS"));
    int fail = count(findings, f -> !suppressedOrNa(f) && f.get("status").asText().equals("FAIL"));
    int error = count(findings, f -> !suppressedOrNa(f) && f.get("status").asText().equals("ERROR"));
    assertThat(text(dom, "headline-share")).as("passing share of evaluated findings")
        .isEqualTo(String.format(Locale.ROOT, "%.1f %% passing", 100.0 * pass / (pass + fail + error)));
    for (String severity : SEVERITIES) {
      assertThat(text(dom, "failing-" + severity)).as("failing %s", severity).isEqualTo(String.valueOf(count(findings,
          f -> !suppressedOrNa(f) && f.get("status").asText().equals("FAIL") && f.get("severity").asText().equals(severity))));
    }
    assertThat(text(dom, "total-error")).isEqualTo(String.valueOf(error));
  }

  /** A value longer than 80 characters: its middle cut, the whole value in the title. */
  private static void assertShortened(String dom, String value) {
    assertThat(dom).as("the whole value on hover").contains("title=\"" + value + "\"")
        .as("the shown value lost its middle")
        .contains(value.substring(0, 40) + "<span class=\"cs-cut\">…</span>" + value.substring(value.length() - 39))
        .doesNotContain(value.substring(0, 41) + "<");
  }

  /**
   * The posture-over-time and remediation panels: hidden while their endpoints answer 404 (another
   * part of issue 18 adds them); with them, the chart has a line per failing severity.
   */
  private static void assertOptionalPanels(String dom) throws Exception {
    if (status("/api/posture/trend?hours=24") == 404) {
      assertThat(dom).contains("<section id=\"trend-section\" hidden=\"\">");
    } else {
      JsonNode trend = json("/api/posture/trend?hours=24");
      assertThat(dom).contains("<section id=\"trend-section\">").contains("<svg viewBox=");
      for (String severity : SEVERITIES) {
        boolean any = false;
        for (JsonNode p : trend.get("points")) {
          any |= p.get("failing").path(severity).asInt() > 0;
        }
        assertThat(dom.contains("data-severity=\"" + severity + "\" points=")).as("a line for %s", severity).isEqualTo(any);
      }
    }
    if (status("/api/remediation") == 404) {
      assertThat(dom).contains("<section id=\"remediation-section\" hidden=\"\">");
    } else {
      JsonNode remediation = json("/api/remediation");
      assertThat(dom).contains("<section id=\"remediation-section\">");
      assertThat(count(dom, "<td class=\"num median\">")).isEqualTo(remediation.get("practices").size());
    }
  }

  /** No CSP violation and nothing on the console but the 404s of the optional panels' endpoints. */
  private static void assertCleanConsole(HeadlessChromium.Page page) {
    assertThat(page.cspViolations()).as("what the Content-Security-Policy blocked").isEmpty();
    assertThat(page.console()).as("console messages (script errors, failed requests)")
        .allSatisfy(l -> assertThat(l).contains("404").containsPattern("/api/posture/trend|/api/remediation"));
  }

  private static String resourcePath(String key) {
    return "/resources/" + HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String key(ResourceSnapshot s) {
    return ResourceKey.of(s.getAccountId(), s.getAwsRegion(), s.getResourceType(), s.getResourceId()).format();
  }

  private static boolean suppressedOrNa(JsonNode f) {
    return f.get("suppressed").asBoolean() || f.get("status").asText().equals("NOT_APPLICABLE");
  }

  private static int count(List<JsonNode> findings, java.util.function.Predicate<JsonNode> p) {
    return (int) findings.stream().filter(p).count();
  }

  private static int count(String dom, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(dom);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The text of the element with this id (no child elements). */
  private static String text(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(dom);
    assertThat(m.find()).as("element #%s", id).isTrue();
    return m.group(1);
  }

  /** A number cell of a practice's row. */
  private static int practiceCell(String dom, int practice, String cls) {
    Matcher m = Pattern.compile("<tr class=\"practice[^\"]*\" data-practice=\"" + practice + "\">(.*?)</tr>").matcher(dom);
    assertThat(m.find()).as("row of practice %d", practice).isTrue();
    Matcher cell = Pattern.compile("<td class=\"num " + cls + "\">(\\d+)</td>").matcher(m.group(1));
    assertThat(cell.find()).as("%s of practice %d", cls, practice).isTrue();
    return Integer.parseInt(cell.group(1));
  }

  private static List<JsonNode> findings(String query) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    json("/api/findings" + query).forEach(out::add);
    return out;
  }

  private static JsonNode json(String path) throws Exception {
    return JSON.readTree(body(path));
  }

  private static byte[] body(String path) throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static int status(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The headers a browser needs to keep the page's CSP and refuse framing and sniffing. */
  private static void assertSecurityHeaders(String url, int status) throws Exception {
    HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).as(url).isEqualTo(status);
    HttpHeaders headers = response.headers();
    assertThat(headers.firstValue("Content-Security-Policy")).as(url).hasValueSatisfying(csp -> assertThat(csp)
        .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
            "frame-ancestors 'none'", "base-uri 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(headers.firstValue("X-Content-Type-Options")).as(url).contains("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).as(url).contains("DENY");
    assertThat(headers.firstValue("Referrer-Policy")).as(url).contains("no-referrer");
  }
}
