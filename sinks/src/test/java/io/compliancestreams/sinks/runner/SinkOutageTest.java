package io.compliancestreams.sinks.runner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.devkit.LoopbackPorts;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.jira.JiraDestination;
import io.compliancestreams.sinks.jira.JiraSettings;
import io.compliancestreams.sinks.ocsf.HecSettings;
import io.compliancestreams.sinks.ocsf.OcsfDestination;
import io.compliancestreams.sinks.ocsf.OcsfSettings;
import io.compliancestreams.sinks.s3.S3AuditTrailDestination;
import io.compliancestreams.sinks.s3.S3AuditTrailSettings;
import io.compliancestreams.sinks.slack.SlackDestination;
import io.compliancestreams.sinks.slack.SlackSettings;
import io.compliancestreams.sinks.testkit.AuditObjects;
import io.compliancestreams.sinks.testkit.Deltas;
import io.compliancestreams.sinks.testkit.S3ProxyServer;
import io.compliancestreams.sinks.testkit.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Destinations go down and come back while the real {@link SinkRunner} consumes a real broker:
 * Slack and Jira answer 500, then 429 with Retry-After, then hang past the client timeout; the S3
 * server is stopped and restarted; nothing listens on the HEC port, then a collector does. After
 * recovery every delta is delivered exactly once at the destination, and the DLQ holds exactly the
 * records that were rejected (400) or exhausted their retries (a record the destination always
 * answers 500 for).
 *
 * <p>Time is shortened, not faked: backoff 10 ms doubling to {@link Outage#maxBackoff()}, jitter
 * pinned to its ceiling, client timeouts 300 ms, Retry-After 1 s, so each phase lasts
 * {@link Outage#phase()} of real time. {@link SinkLongOutageTest} runs the same with minutes.
 */
class SinkOutageTest {

  static final Instant T = Instant.parse("2025-03-01T10:15:30Z");
  static final Duration CLIENT_TIMEOUT = Duration.ofMillis(300);
  static final Duration HANG = Duration.ofMillis(1_500);
  /**
   * Longer than a cold collector's first answer: an answer slower than the timeout is posted again
   * (at least once; SIEMs de-duplicate on metadata.uid), which is not the fault tested here.
   */
  static final Duration HEC_TIMEOUT = Duration.ofSeconds(5);
  static final ObjectMapper JSON = new ObjectMapper();
  static final StaticCredentialsProvider CREDS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
  static final Pattern SLACK_FINDING = Pattern.compile("Finding (f-[\\w-]+) ·");
  static final Pattern JIRA_LABEL = Pattern.compile("\"cs-(f-[\\w-]+)\"");

  /** How long each fault phase lasts and the retry settings that outlast the whole outage. */
  record Outage(Duration phase, Duration maxBackoff, int maxAttempts) {
    RetrySettings retry() {
      return new RetrySettings(maxAttempts, Duration.ofMillis(10), maxBackoff, 2.0);
    }
  }

  static KafkaBroker kafka;
  static Topics topics;
  static WireMockServer http;
  /** Last measured figures, printed for docs/reliability.md. */
  static final Map<String, String> FIGURES = new java.util.TreeMap<>();

  final List<AutoCloseable> closeables = new ArrayList<>();

  Outage outage() {
    return new Outage(Duration.ofMillis(1_500), Duration.ofMillis(200), 25);
  }

  @BeforeAll
  static void startServers() {
    kafka = KafkaBroker.start();
    topics = new Topics(kafka.bootstrapServers());
    http = new WireMockServer(options().dynamicPort().containerThreads(30));
    http.start();
  }

  @AfterAll
  static void stopServers() {
    http.stop();
    kafka.close();
    FIGURES.forEach((k, v) -> System.out.println("[reliability] " + k + " = " + v));
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    http.resetAll();
  }

  // ---------------------------------------------------------------- Slack

  @Test
  void shouldDeliverEverySlackDeltaOnceAfter500And429AndHangs() {
    String topic = topics.fresh("deltas", 1);
    List<String> good = ids("f-s", 6);
    http.stubFor(post("/hooks/T0/B0/secret").atPriority(5).willReturn(aResponse().withStatus(200).withBody("ok")));
    http.stubFor(post("/hooks/T0/B0/secret").atPriority(2).withRequestBody(containing("Finding f-reject "))
        .willReturn(aResponse().withStatus(400).withBody("invalid_blocks")));
    http.stubFor(post("/hooks/T0/B0/secret").atPriority(2).withRequestBody(containing("Finding f-always-500 "))
        .willReturn(aResponse().withStatus(500).withBody("internal_error")));
    SlackSettings slack = SlackSettings.webhook(URI.create(http.baseUrl() + "/hooks/T0/B0/secret"),
            URI.create("http://127.0.0.1:8080"))
        .withNoiseControl(1_000, Duration.ofSeconds(60), 10, Duration.ZERO)
        .withMinInterval(Duration.ZERO)
        .withTimeouts(CLIENT_TIMEOUT, CLIENT_TIMEOUT);
    List<FindingDelta> deltas = deltas(good, "f-reject", "f-always-500");

    Duration survived = runThroughOutage(topic, SlackDestination.create(slack), deltas, this::httpOutage);

    List<String> delivered = servedWith(200).stream()
        .map(e -> find(SLACK_FINDING, e.getRequest().getBodyAsString())).toList();
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(good);
    assertDeadLetters(topic, "slack", Map.of(
        "f-reject", List.of("1", "Slack webhook: HTTP 400 invalid_blocks"),
        "f-always-500", List.of(String.valueOf(outage().maxAttempts()), "Slack webhook: HTTP 500 internal_error")));
    FIGURES.put("slack", "outage " + survived.toMillis() + " ms, delivered " + delivered.size()
        + ", duplicates 0, dead-lettered 2 (400 at once, 500 after " + outage().maxAttempts() + " attempts)");
  }

  // ---------------------------------------------------------------- Jira

  @Test
  void shouldCreateOneJiraIssuePerFindingAfter500And429AndHangs() {
    String topic = topics.fresh("deltas", 1);
    List<String> good = ids("f-j", 5);
    stubJiraProject();
    for (int i = 0; i < good.size(); i++) {
      stubJiraFinding(good.get(i), "SEC-" + (100 + i), i == 0);
    }
    http.stubFor(post("/rest/api/3/issue").atPriority(2).withRequestBody(containing("\"cs-f-reject\""))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"errorMessages\":[],\"errors\":{\"summary\":\"Summary is too long.\"}}")));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).atPriority(2)
        .withQueryParam("jql", containing("cs-f-always-500"))
        .willReturn(aResponse().withStatus(500).withBody("{\"errorMessages\":[\"Internal server error\"]}")));
    String mapTopic = "jira-issues-" + UUID.randomUUID();
    JiraSettings jira = JiraSettings.defaults(URI.create(http.baseUrl()),
            JiraSettings.Auth.basic("bot@example.com", "jira-token-s3cr3t"), "SEC")
        .withIssueMapTopic(mapTopic)
        .withRequestTimeout(CLIENT_TIMEOUT);
    // The project check runs at start, before the outage.
    JiraDestination destination = JiraDestination.open(jira, kafka.bootstrapServers(), (short) 1);
    List<FindingDelta> deltas = deltas(good, "f-reject", "f-always-500");

    Duration survived = runThroughOutage(topic, destination, deltas, this::httpOutage);

    List<String> created = http.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals("POST")
            && e.getRequest().getUrl().equals("/rest/api/3/issue"))
        .map(e -> find(JIRA_LABEL, e.getRequest().getBodyAsString())).toList();
    // One POST per finding (the first one's 201 was lost in a hang: the retry found it by label),
    // plus the rejected one; none for the finding whose search always fails.
    List<String> expectedPosts = new ArrayList<>(good);
    expectedPosts.add("f-reject");
    assertThat(created).containsExactlyInAnyOrderElementsOf(expectedPosts);
    try (CompactedTopicMap map = CompactedTopicMap.open(kafka.bootstrapServers(), mapTopic, (short) 1)) {
      for (int i = 0; i < good.size(); i++) {
        assertThat(map.get(good.get(i))).as(good.get(i)).contains("SEC-" + (100 + i) + "|1");
      }
    }
    assertDeadLetters(topic, "jira", Map.of(
        "f-reject", List.of("1", "Jira POST /rest/api/3/issue → 400: summary: Summary is too long."),
        "f-always-500", List.of(String.valueOf(outage().maxAttempts()),
            "Jira GET /rest/api/3/search/jql?jql=project%20%3D%20%22SEC%22%20AND%20labels%20%3D%20%22cs-f-always-500%22"
                + "%20ORDER%20BY%20created%20DESC&fields=status&maxResults=1 → 500: Internal server error")));
    FIGURES.put("jira", "outage " + survived.toMillis() + " ms, issues " + good.size()
        + " for " + good.size() + " findings, duplicates 0 (one create response lost in a hang), dead-lettered 2");
  }

  void stubJiraProject() {
    http.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes"))
        .willReturn(okJson(fixture("v3/createmeta-issuetypes.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes/10001"))
        .willReturn(okJson(fixture("v3/createmeta-task-fields.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).atPriority(10)
        .willReturn(okJson(fixture("v3/search-jql-empty.json"))));
  }

  /**
   * A finding's issue, stateful: once created, the label search finds it. With {@code lostResponse}
   * the create is processed but its answer comes after the client timeout.
   */
  void stubJiraFinding(String findingId, String key, boolean lostResponse) {
    String created = "{\"id\":\"1\",\"key\":\"" + key + "\",\"self\":\"http://jira/rest/api/3/issue/1\"}";
    ResponseDefinitionBuilder answer = aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody(created);
    http.stubFor(post("/rest/api/3/issue").atPriority(3).withRequestBody(containing("\"cs-" + findingId + "\""))
        .inScenario(findingId).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("created")
        .willReturn(lostResponse ? answer.withFixedDelay((int) HANG.toMillis()) : answer));
    http.stubFor(post("/rest/api/3/issue").atPriority(3).withRequestBody(containing("\"cs-" + findingId + "\""))
        .inScenario(findingId).whenScenarioStateIs("created").willReturn(answer));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).atPriority(3)
        .withQueryParam("jql", equalTo("project = \"SEC\" AND labels = \"cs-" + findingId + "\" ORDER BY created DESC"))
        .inScenario(findingId).whenScenarioStateIs("created")
        .willReturn(okJson(fixture("v3/search-jql-open.json").replace("SEC-7", key))));
    http.stubFor(get(urlEqualTo("/rest/api/3/issue/" + key + "?fields=status"))
        .willReturn(okJson(fixture("v3/issue-SEC-1-open.json").replace("SEC-1", key))));
    // Adopting the issue a lost create made, the destination comments the regression on it.
    http.stubFor(post("/rest/api/3/issue/" + key + "/comment").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(fixture("v3/comment-201.json"))));
  }

  // ---------------------------------------------------------------- S3

  @Test
  void shouldWriteEveryDeltaOnceToS3AfterTheServerWasStoppedAndRestarted() {
    String topic = topics.fresh("deltas", 1);
    S3ProxyServer s3 = S3ProxyServer.start();
    closeables.add(s3);
    s3.createBucket("audit");
    S3AuditTrailSettings trail = S3AuditTrailSettings.of("audit", "trail", "eu-west-1")
        .withEndpoint(s3.endpoint(), true)
        .withLimits(4, 1_000_000, Duration.ofHours(1), Duration.ofMillis(500));
    List<String> good = ids("f-3", 10);

    Duration survived = runThroughOutage(topic, S3AuditTrailDestination.create(trail, CREDS), deltas(good),
        () -> {
          s3.stop();
          return s3::restart;
        });

    S3Client reader = S3Client.builder()
        .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
        .credentialsProvider(CREDS)
        .forcePathStyle(true)
        .endpointOverride(s3.endpoint())
        .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
    closeables.add(reader);
    List<String> ids = AuditObjects.deltaIds(reader, "audit");
    assertThat(ids).hasSize(10).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(good.stream().map(f -> f + ":1").toList());
    assertDeadLetters(topic, "s3", Map.of());
    FIGURES.put("s3", "outage " + survived.toMillis() + " ms, records " + ids.size()
        + " in " + AuditObjects.raw(reader, "audit").size() + " objects, duplicates 0, dead-lettered 0");
  }

  // ---------------------------------------------------------------- HEC

  @Test
  void shouldPostEveryOcsfEventOnceToHecThatRefusedConnectionsThenCameUp() {
    String topic = topics.fresh("deltas", 1);
    String ocsfTopic = topics.fresh("ocsf", 1);
    int port = LoopbackPorts.free();
    OcsfSettings ocsf = OcsfSettings.of(kafka.bootstrapServers(), ocsfTopic)
        .withHec(new HecSettings(URI.create("http://127.0.0.1:" + port), "hec-token-s3cr3t", null, null, 3,
            HEC_TIMEOUT));
    WireMockServer hec = new WireMockServer(options().port(port));
    hec.stubFor(post("/services/collector/event")
        .willReturn(okJson("{\"text\":\"Success\",\"code\":0}")));
    List<String> good = ids("f-h", 10);

    Duration survived = runThroughOutage(topic, OcsfDestination.create(ocsf), deltas(good), () -> {
      // Nothing listens on the port: every connection is refused.
      return () -> {
        hec.start();
        closeables.add(hec::stop);
      };
    });

    List<String> uids = new ArrayList<>();
    for (ServeEvent e : hec.getAllServeEvents()) {
      for (String line : e.getRequest().getBodyAsString().split("\n")) {
        uids.add(read(line).path("event").path("metadata").path("uid").asText());
      }
    }
    assertThat(uids).hasSize(10).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(good.stream().map(f -> f + ":1").toList());
    assertThat(topics.readAll(ocsfTopic)).hasSize(10);
    assertDeadLetters(topic, "ocsf", Map.of());
    FIGURES.put("hec", "outage " + survived.toMillis() + " ms, events " + uids.size()
        + ", duplicates 0, dead-lettered 0");
  }

  // ---------------------------------------------------------------- the outage

  /** Answers every HTTP request 500, then 429 (Retry-After 1), then hangs; returns the recovery. */
  Runnable httpOutage() {
    Duration phase = outage().phase();
    StubMapping s500 = http.stubFor(any(anyUrl()).atPriority(1)
        .willReturn(aResponse().withStatus(500).withBody("{\"errorMessages\":[\"down\"]}")));
    long before = http.getAllServeEvents().size();
    awaitPhase("500 phase", phase, before, 3);
    http.removeStub(s500);
    StubMapping s429 = http.stubFor(any(anyUrl()).atPriority(1)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("rate_limited")));
    before = http.getAllServeEvents().size();
    awaitPhase("429 phase", phase, before, 2);
    http.removeStub(s429);
    StubMapping hang = http.stubFor(any(anyUrl()).atPriority(1)
        .willReturn(aResponse().withStatus(503).withFixedDelay((int) HANG.toMillis())));
    before = http.getAllServeEvents().size();
    awaitPhase("hang phase", phase, before, 2);
    return () -> http.removeStub(hang);
  }

  void awaitPhase(String name, Duration phase, long servedBefore, int atLeast) {
    Instant start = Instant.now();
    await(name).atMost(phase.plusSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
        Duration.between(start, Instant.now()).compareTo(phase) >= 0
            && http.getAllServeEvents().size() - servedBefore >= atLeast);
  }

  /**
   * Starts the fault, then the runner on {@code deltas}; lets the fault run its course, recovers,
   * and waits until every record is committed. Returns how long the destination was unavailable.
   */
  Duration runThroughOutage(String topic, Destination destination, List<FindingDelta> deltas,
      Supplier<Runnable> fault) {
    topics.produce(topic, 0, deltas);
    SinkSettings settings = SinkSettings.of(kafka.bootstrapServers(), topic,
            SinkSettings.groupId("test.", "outage-" + UUID.randomUUID()), SerdeConfig.singleObject())
        .withRetry(outage().retry())
        .withPollTimeout(Duration.ofMillis(100))
        .withFlushInterval(Duration.ofMillis(200));
    SinkRunner runner = new SinkRunner(settings, destination, new SimpleMeterRegistry(), Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()), () -> 1.0);
    Instant down = Instant.now();
    Runnable recover;
    try {
      runner.start();
      recover = fault.get();
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    closeables.add(runner);
    awaitFor(down);
    recover.run();
    Duration survived = Duration.between(down, Instant.now());
    TopicPartition tp = new TopicPartition(topic, 0);
    await("every record handled and committed").atMost(outage().phase().multipliedBy(4).plusSeconds(60))
        .until(() -> topics.committed(settings.groupId(), topic, 1).getOrDefault(tp, 0L) == deltas.size());
    return survived;
  }

  /** Static faults (S3, HEC) last one phase times three, as long as the HTTP fault's three phases. */
  void awaitFor(Instant down) {
    Duration total = outage().phase().multipliedBy(3);
    await("outage lasted").atMost(total.plusSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> Duration.between(down, Instant.now()).compareTo(total) >= 0);
  }

  void assertDeadLetters(String topic, String sink, Map<String, List<String>> expected) {
    List<ConsumerRecord<byte[], byte[]>> dlq = topics.readAll(topic + "." + sink + ".dlq");
    Map<String, List<String>> actual = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : dlq) {
      actual.put(new String(r.key(), StandardCharsets.UTF_8),
          List.of(header(r, "dlq.attempts"), header(r, "dlq.reason")));
    }
    assertThat(dlq).hasSize(expected.size());
    assertThat(actual).isEqualTo(expected);
  }

  // ---------------------------------------------------------------- helpers

  List<ServeEvent> servedWith(int status) {
    return http.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == status).toList();
  }

  static List<String> ids(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  static List<FindingDelta> deltas(List<String> good, String... poison) {
    List<FindingDelta> out = new ArrayList<>();
    int i = 0;
    for (String id : good) {
      out.add(Deltas.failing(id, 1, T.plusSeconds(i++)));
      if (i == 2) {
        for (String p : poison) {
          out.add(Deltas.failing(p, 1, T.plusSeconds(i++)));
        }
      }
    }
    return out;
  }

  static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : "(none)";
  }

  static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fixture(String path) {
    try (InputStream in = SinkOutageTest.class.getResourceAsStream("/jira/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
