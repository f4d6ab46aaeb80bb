package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.SnapshotRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless browser against a running pipeline: the 26 practices with
 * counts, a regression injected through Kafka showing up live, and hostile names shown as text,
 * under a Content-Security-Policy that allows no inline script or style (the browser reports no
 * violation) and with the security headers on every response.
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

  @Test
  void shouldShowPracticesLiveRegressionsAndHostileNamesAsText() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find();
    String prefix = "ui.";
    try (KafkaBroker broker = KafkaBroker.start();
        StreamsNode node = StreamsNode.start(AppConfig.load(null, Map.of(), Map.of(
            "kafka.bootstrap.servers", broker.bootstrapServers(),
            "streams.application.id", "ui-" + UUID.randomUUID(),
            "topic.prefix", prefix,
            "topic.partitions", "2",
            "streams.state.dir", Files.createTempDirectory("ui").toString(),
            "http.port", "0")));
        PipelineKafka kafka = new PipelineKafka(broker, prefix + "compliance.finding.delta.v1")) {
      await("streams running").atMost(Duration.ofSeconds(60))
          .until(() -> node.app().state() == KafkaStreams.State.RUNNING);
      String snapshots = prefix + "aws.resource.snapshot.v1";
      long t = Instant.parse("2026-06-01T01:00:00Z").toEpochMilli();

      ResourceSnapshot hostile = ResourceSnapshot.newBuilder(
              SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0)))
          .setResourceId("hostile-bucket").setResourceName(HOSTILE)
          .setArn("arn:aws:s3:::" + HOSTILE).build();
      kafka.send(snapshots, hostile, t);
      ResourceSnapshot pass = SnapshotRecords.of(PracticeFixtures.load(10, "pass-sse-s3-default.json").items().get(0));
      kafka.send(snapshots, pass, t);
      await("first deltas in the feed").atMost(Duration.ofSeconds(30))
          .until(() -> node.feed().after(0).size() >= 2);

      ResourceSnapshot regressed = ResourceSnapshot.newBuilder(SnapshotRecords.later(pass, Instant.ofEpochMilli(t + 60_000)))
          .setSupplementaryConfiguration(hostile.getSupplementaryConfiguration()).build();
      kafka.send(snapshots, regressed, t + 60_000);
      await("the regression in the feed").atMost(Duration.ofSeconds(30)).until(() ->
          node.feed().after(0).stream().anyMatch(d -> d.changeKind().equals("REGRESSED")));

      String url = "http://127.0.0.1:" + node.httpPort() + "/";
      HeadlessChromium.Page page = chromium.load(url, 6000);
      assertThat(page.cspViolations()).as("what the Content-Security-Policy blocked on the dashboard").isEmpty();
      String dom = page.dom();
      Matcher rows = Pattern.compile("<tr class=\"practice\"").matcher(dom);
      int count = 0;
      while (rows.find()) {
        count++;
      }
      assertThat(count).as("a row per practice").isEqualTo(26);
      assertThat(dom).contains("S3.4").contains("GuardDuty.1");
      assertThat(dom).as("the injected regression, live").contains("REGRESSED PASS→FAIL");
      assertThat(dom).as("hostile names are text").contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=")
          .contains("&lt;!channel&gt; {code}x{code} [link|http://evil.example] !image.png!")
          .contains("\u202Egpj.exe \u200B\u200D 🚨");
      assertThat(dom).as("no script ran, no element was made from data")
          .doesNotContain("<script>alert(1)</script>", "<img", "<svg", "document.title='pwned';document.body.setAttribute(\"")
          .contains("<title>Compliance Streams</title>")
          .doesNotContainPattern("<body[^>]*data-pwned");

      assertSecurityHeaders(url, 200);
      assertSecurityHeaders(url + "dashboard.js", 200);
      assertSecurityHeaders(url + "dashboard.css", 200);
      assertSecurityHeaders(url + "api/posture", 200);
      assertSecurityHeaders(url + "api/posture/", 404);
      assertSecurityHeaders(url + "no-such-page", 404);

      // The hostile finding's own page (where Slack and Jira link): its facts and history, as text.
      String hostileDelta = node.feed().after(0).stream().filter(d -> d.resourceId().equals("hostile-bucket"))
          .findFirst().orElseThrow().deltaId();
      String findingUrl = url + "findings/" + hostileDelta.substring(0, hostileDelta.lastIndexOf('-'));
      HeadlessChromium.Page finding = chromium.load(findingUrl, 6000);
      assertThat(finding.cspViolations()).as("what the CSP blocked on the finding page").isEmpty();
      assertThat(finding.dom()).as("the finding page rendered its facts and history")
          .contains("S3.4 ", "FAIL", "arn:aws:s3:::", "<tr class=\"change NEW\">")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=")
          .doesNotContain("<script>alert(1)</script>", "<img", "<svg")
          .doesNotContainPattern("<body[^>]*data-pwned");
      assertSecurityHeaders(findingUrl, 200);
      assertSecurityHeaders(url + "finding.js", 200);

      Path png = Path.of("target", "dashboard.png");
      chromium.screenshot(url, 6000, png);
      assertThat(Files.size(png)).as("screenshot written to %s", png).isGreaterThan(10_000);
    }
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
