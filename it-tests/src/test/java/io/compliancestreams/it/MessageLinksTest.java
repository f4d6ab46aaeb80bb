package io.compliancestreams.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.sinks.jira.FakeJiraCloud;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 3: every link a Slack message or a Jira issue carries answers 200. The real Slack
 * and Jira sinks run against a Slack webhook stub and a stateful fake Jira Cloud, with
 * {@code dashboard.url} pointing at the running application; the test collects every URL from what
 * they sent and follows each link into the application (the finding page and the data it loads,
 * with the token the page asks for). The practices' AWS documentation links cannot be fetched from
 * here (no internet): each must name the Security Hub user guide page of its control.
 */
class MessageLinksTest {

  private static final String TOKEN = "links-t0ken";
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"<>|\\\\)\\]]+");
  private static final Pattern AWS_DOCS = Pattern.compile(
      "https://docs\\.aws\\.amazon\\.com/securityhub/latest/userguide/[a-z0-9]+-controls\\.html#[a-z0-9]+-[0-9]+");
  private static final String WEBHOOK = "/services/T000/B000/links";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldAnswer200ForEveryLinkTheSlackAndJiraMessagesCarry() throws Exception {
    String prefix = "links.";
    WireMockServer slack = new WireMockServer(options().dynamicPort());
    FakeJiraCloud fake = new FakeJiraCloud();
    WireMockServer jira = new WireMockServer(options().dynamicPort().extensions(fake));
    slack.start();
    jira.start();
    slack.stubFor(post(WEBHOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
    jira.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500))); // answered by the fake
    List<AutoCloseable> running = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start()) {
      try {
        follow(broker, prefix, slack, fake, jira, running);
      } finally {
        // Before the broker stops (the resource closes before a finally of this try would run).
        for (int i = running.size() - 1; i >= 0; i--) {
          running.get(i).close();
        }
      }
    } finally {
      slack.stop();
      jira.stop();
    }
  }

  private void follow(KafkaBroker broker, String prefix, WireMockServer slack, FakeJiraCloud fake,
      WireMockServer jira, List<AutoCloseable> running) throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("kafka.bootstrap.servers", broker.bootstrapServers());
    values.put("streams.application.id", "links-" + UUID.randomUUID());
    values.put("topic.prefix", prefix);
    values.put("topic.partitions", "2");
    values.put("streams.state.dir", Files.createTempDirectory("links").toString());
    values.put("http.port", "0");
    values.put("http.token", TOKEN);
    StreamsNode node = StreamsNode.start(AppConfig.load(null, Map.of(), values));
    running.add(node);
    await("streams running").atMost(Duration.ofSeconds(60)).until(() -> node.app().state() == KafkaStreams.State.RUNNING);
    String dashboard = "http://127.0.0.1:" + node.httpPort();

    values.put("dashboard.url", dashboard);
    values.put("sink.slack.webhook.url", slack.baseUrl() + WEBHOOK);
    values.put("sink.jira.url", jira.baseUrl());
    values.put("sink.jira.email", "compliance-bot@example.com");
    values.put("sink.jira.api.token", "api-token");
    values.put("sink.jira.project", "SEC");
    AppConfig sinks = AppConfig.load(null, Map.of(), values);
    for (String name : List.of("slack", "jira")) {
      SinkRunner runner = SinkFactory.runner(name, sinks, new SimpleMeterRegistry());
      runner.start();
      running.add(runner);
    }

    ResourceSnapshot bucket = SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0));
    try (PipelineKafka kafka = new PipelineKafka(broker, prefix + "compliance.finding.delta.v1")) {
      kafka.send(prefix + "aws.resource.snapshot.v1", bucket, Instant.parse("2026-06-01T01:00:00Z").toEpochMilli());
    }
    await("a Slack message and a Jira issue").atMost(Duration.ofSeconds(60)).until(() ->
        !slack.findAll(postRequestedFor(urlEqualTo(WEBHOOK))).isEmpty() && !fake.keys().isEmpty());

    List<String> bodies = new ArrayList<>();
    slack.findAll(postRequestedFor(urlEqualTo(WEBHOOK))).stream().map(LoggedRequest::getBodyAsString).forEach(bodies::add);
    jira.findAll(postRequestedFor(urlEqualTo("/rest/api/3/issue"))).stream().map(LoggedRequest::getBodyAsString)
        .forEach(bodies::add);
    Set<String> links = new LinkedHashSet<>();
    for (String body : bodies) {
      Matcher m = URL.matcher(body);
      while (m.find()) {
        links.add(m.group());
      }
    }

    List<String> followed = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String link : links) {
      if (link.startsWith(dashboard + "/")) {
        int status = get(link, null);
        followed.add(link + " -> " + status);
        if (status != 200) {
          wrong.add(link + " answered " + status);
        }
        if (link.startsWith(dashboard + "/findings/")) {
          // What the page loads, with the token the page asks for.
          String data = dashboard + "/api" + link.substring(dashboard.length());
          int dataStatus = get(data, TOKEN);
          followed.add(data + " -> " + dataStatus);
          if (dataStatus != 200) {
            wrong.add(data + " answered " + dataStatus);
          }
        }
      } else if (!AWS_DOCS.matcher(link).matches()) {
        wrong.add(link + " points neither into the application nor to the AWS Security Hub user guide");
      }
    }
    System.out.printf("links followed:%n  %s%n", String.join("\n  ", followed));
    assertThat(wrong).isEmpty();
    assertThat(followed).as("the finding page from Slack and from Jira, and its data")
        .anySatisfy(f -> assertThat(f).matches(".*/findings/p[0-9]{2}-[0-9a-f]{24} -> 200"))
        .anySatisfy(f -> assertThat(f).matches(".*/api/findings/p[0-9]{2}-[0-9a-f]{24} -> 200"));
    assertThat(bodies.get(bodies.size() - 1)).as("the Jira issue links the finding page")
        .contains("\"href\":\"" + dashboard + "/findings/p");
  }

  private int get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
