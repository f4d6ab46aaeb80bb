package io.compliancestreams.sinks.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.sinks.runner.CompactedTopicMap;
import io.compliancestreams.sinks.runner.DeliveryException;
import io.compliancestreams.sinks.runner.SinkRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Jira destination against WireMock stubs shaped like Jira's REST reference (Cloud v3 and
 * Data Center v2 responses in {@code src/test/resources/jira}) and a real Kafka broker for the
 * finding → issue map.
 */
class JiraDestinationTest {

  static final String TOKEN = "api-token-s3cr3t";
  static final String EMAIL = "compliance-bot@example.com";
  static final String LABEL_JQL = "project = \"SEC\" AND labels = \"cs-f-3b9a\" ORDER BY created DESC";
  static final String OPEN_SAMPLE_JQL_V3 =
      "project = \"SEC\" AND issuetype = \"10001\" AND statusCategory != Done ORDER BY created DESC";
  static final ObjectMapper JSON = new ObjectMapper();

  static KafkaBroker kafka;
  static WireMockServer jira;

  final List<AutoCloseable> closeables = new ArrayList<>();
  String mapTopic;

  @BeforeAll
  static void startServers() {
    kafka = KafkaBroker.start();
    jira = new WireMockServer(options().dynamicPort());
    jira.start();
  }

  @AfterAll
  static void stopServers() {
    jira.stop();
    kafka.close();
  }

  @BeforeEach
  void freshStubsAndTopic() {
    jira.resetAll();
    mapTopic = "jira-issues-" + UUID.randomUUID();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  CompactedTopicMap map() {
    CompactedTopicMap map = CompactedTopicMap.open(kafka.bootstrapServers(), mapTopic, (short) 1);
    closeables.add(map);
    return map;
  }

  JiraDestination start(JiraSettings settings) {
    JiraDestination d = JiraDestination.start(settings, map());
    closeables.add(d);
    return d;
  }

  static String fixture(String path) {
    try (InputStream in = JiraDestinationTest.class.getResourceAsStream("/jira/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FindingDelta delta(ChangeKind kind, FindingStatus previous, FindingStatus next, long sequence) {
    return FindingDelta.newBuilder(Samples.findingDelta())
        .setChangeKind(kind)
        .setPreviousStatus(previous)
        .setNewStatus(next)
        .setSequence(sequence)
        .setDeltaId("f-3b9a:" + sequence)
        .setSuppressed(false)
        .build();
  }

  static FindingDelta newFail() {
    return delta(ChangeKind.NEW, null, FindingStatus.FAIL, 1);
  }

  static FindingDelta resolved(long sequence) {
    return FindingDelta.newBuilder(delta(ChangeKind.RESOLVED, FindingStatus.FAIL, FindingStatus.PASS, sequence))
        .setReason("Bucket audit-logs has default encryption (SSE-KMS).")
        .setRemediation(null)
        .build();
  }

  static SinkRecord record(FindingDelta d) {
    return new SinkRecord("compliance.finding.delta.v1", 0, d.getSequence(), d.getFindingId(), d);
  }

  /** The URLs Jira received POSTs on, oldest first. */
  static List<String> posts() {
    List<ServeEvent> events = new ArrayList<>(jira.getAllServeEvents());
    Collections.reverse(events); // WireMock lists the newest first
    return events.stream()
        .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
        .map(e -> e.getRequest().getUrl())
        .toList();
  }

  static JsonNode lastBody(String url) throws IOException {
    return JSON.readTree(jira.findAll(postRequestedFor(urlEqualTo(url))).get(0).getBodyAsString());
  }

  /**
   * What a fresh issue answers about our records: no {@code compliance-streams} property (404, as
   * Jira answers for an absent property), no comments; setting the property creates it (201).
   */
  static void stubNothingRecorded(String prefix) {
    jira.stubFor(get(urlPathMatching(prefix + "/issue/[^/]+/properties/compliance-streams")).atPriority(10)
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"errorMessages\":[\"The property with key 'compliance-streams' does not exist.\"],\"errors\":{}}")));
    jira.stubFor(put(urlPathMatching(prefix + "/issue/[^/]+/properties/compliance-streams")).atPriority(10)
        .willReturn(aResponse().withStatus(201)));
    jira.stubFor(get(urlPathMatching(prefix + "/issue/[^/]+/comment")).atPriority(10)
        .willReturn(okJson("{\"startAt\":0,\"maxResults\":50,\"total\":0,\"comments\":[]}")));
  }

  @Nested
  class CloudV3 {

    JiraSettings settings() {
      return JiraSettings.defaults(URI.create(jira.baseUrl()), JiraSettings.Auth.basic(EMAIL, TOKEN), "SEC")
          .withLabels(List.of("aws"))
          .withComponents(List.of("cloud-security"))
          .withIssueMapTopic(mapTopic);
    }

    void stubProject(String fieldsFixture) {
      jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes"))
          .willReturn(okJson(fixture("v3/createmeta-issuetypes.json"))));
      jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes/10001"))
          .willReturn(okJson(fixture(fieldsFixture))));
      // Any search not stubbed by a test finds nothing: a fresh project, or the index not caught up.
      jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).atPriority(10)
          .willReturn(okJson(fixture("v3/search-jql-empty.json"))));
      stubNothingRecorded("/rest/api/3");
    }

    void stubProject() {
      stubProject("v3/createmeta-task-fields.json");
    }

    void stubLabelSearch(String fixture) {
      jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).atPriority(1)
          .withQueryParam("jql", equalTo(LABEL_JQL))
          .withQueryParam("fields", equalTo("status"))
          .willReturn(okJson(fixture(fixture))));
    }

    void stubCreate(String key) {
      jira.stubFor(post(urlEqualTo("/rest/api/3/issue")).willReturn(aResponse().withStatus(201)
          .withHeader("Content-Type", "application/json")
          .withBody(fixture("v3/create-issue-201.json").replace("SEC-1", key))));
    }

    void stubCommentAndTransition(String key, String transitionsFixture) {
      jira.stubFor(get(urlEqualTo("/rest/api/3/issue/" + key + "/transitions"))
          .willReturn(okJson(fixture(transitionsFixture))));
      jira.stubFor(post(urlEqualTo("/rest/api/3/issue/" + key + "/transitions"))
          .willReturn(aResponse().withStatus(204)));
      jira.stubFor(post(urlEqualTo("/rest/api/3/issue/" + key + "/comment")).willReturn(aResponse()
          .withStatus(201).withHeader("Content-Type", "application/json").withBody(fixture("v3/comment-201.json"))));
    }

    @Test
    void shouldCreateIssueWithExactBodyOnNewFailure() throws Exception {
      stubProject();
      stubCreate("SEC-1");
      JiraDestination destination = start(settings());

      destination.deliver(record(newFail()));

      jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue"))
          .withHeader("Content-Type", equalTo("application/json"))
          .withHeader("Authorization", equalTo("Basic "
              + Base64.getEncoder().encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8))))
          .withRequestBody(equalToJson(fixture("v3/expected-create-issue-request.json"))));
      jira.verify(getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))
          .withQueryParam("jql", equalTo(LABEL_JQL)));
      assertThat(map().get("f-3b9a")).contains("SEC-1|1");
    }

    @Test
    void shouldNotCreateSecondIssueAfterRestartWhileSearchLags() throws Exception {
      stubProject(); // every search finds nothing: only our map knows SEC-1
      stubCreate("SEC-1");
      jira.stubFor(get(urlEqualTo("/rest/api/3/issue/SEC-1?fields=status"))
          .willReturn(okJson(fixture("v3/issue-SEC-1-open.json"))));
      JiraSettings settings = settings();
      try (JiraDestination first = JiraDestination.open(settings, kafka.bootstrapServers(), (short) 1)) {
        first.deliver(record(newFail()));
      }

      // A new process: new destination, map read back from the topic; the runner replays the delta.
      try (JiraDestination second = JiraDestination.open(settings, kafka.bootstrapServers(), (short) 1)) {
        second.deliver(record(newFail()));
        second.deliver(record(delta(ChangeKind.CHANGED, FindingStatus.ERROR, FindingStatus.FAIL, 2)));
      }

      jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")));
      jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/issue/SEC-1?fields=status")));
      assertThat(map().get("f-3b9a")).contains("SEC-1|2");
    }

    @Test
    void shouldAdoptIssueFoundByLabelInsteadOfCreatingOne() throws Exception {
      stubProject();
      stubLabelSearch("v3/search-jql-open.json");
      stubCreate("SEC-99");
      JiraDestination destination = start(settings());

      destination.deliver(record(newFail()));

      jira.verify(0, postRequestedFor(urlEqualTo("/rest/api/3/issue")));
      assertThat(map().get("f-3b9a")).contains("SEC-7|1");
    }

    @Test
    void shouldCommentThenTransitionToDoneOnResolved() throws Exception {
      stubProject();
      stubLabelSearch("v3/search-jql-open.json");
      stubCommentAndTransition("SEC-7", "v3/transitions-from-todo.json");
      JiraDestination destination = start(settings());

      destination.deliver(record(resolved(2)));
      destination.deliver(record(resolved(2))); // a replay changes nothing

      assertThat(posts()).containsExactly("/rest/api/3/issue/SEC-7/comment", "/rest/api/3/issue/SEC-7/transitions");
      assertThat(lastBody("/rest/api/3/issue/SEC-7/comment")).isEqualTo(JSON.readTree("""
          {"body": {"type": "doc", "version": 1, "content": [
            {"type": "paragraph", "content": [{"type": "text",
              "text": "Resolved: the resource passes S3.4 again (evaluated 2025-03-01T10:15:30.123Z). Reason:"}]},
            {"type": "paragraph", "content": [{"type": "text",
              "text": "Bucket audit-logs has default encryption (SSE-KMS)."}]},
            {"type": "paragraph", "content": [{"type": "text", "text": "Compliance Streams delta f-3b9a:2"}]}]}}
          """));
      assertThat(lastBody("/rest/api/3/issue/SEC-7/transitions"))
          .isEqualTo(JSON.readTree("{\"transition\": {\"id\": \"31\"}}"));
      assertThat(map().get("f-3b9a")).contains("SEC-7|2");
    }

    @Test
    void shouldCommentAndTransitionOnClosed() throws Exception {
      stubProject();
      stubLabelSearch("v3/search-jql-open.json");
      stubCommentAndTransition("SEC-7", "v3/transitions-from-todo.json");
      JiraDestination destination = start(settings());

      destination.deliver(record(FindingDelta.newBuilder(delta(ChangeKind.CLOSED, FindingStatus.FAIL, null, 2))
          .setReason("Bucket audit-logs was deleted.").build()));

      assertThat(posts()).containsExactly("/rest/api/3/issue/SEC-7/comment", "/rest/api/3/issue/SEC-7/transitions");
      assertThat(lastBody("/rest/api/3/issue/SEC-7/comment").toString())
          .contains("Closed: the resource was deleted or S3.4 no longer applies", "Bucket audit-logs was deleted.");
    }

    @Test
    void shouldReopenDoneIssueOnRegression() throws Exception {
      stubProject();
      stubLabelSearch("v3/search-jql-done.json");
      stubCommentAndTransition("SEC-7", "v3/transitions-from-done.json");
      JiraDestination destination = start(settings());

      destination.deliver(record(delta(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL, 3)));

      assertThat(posts()).containsExactly("/rest/api/3/issue/SEC-7/transitions", "/rest/api/3/issue/SEC-7/comment");
      assertThat(lastBody("/rest/api/3/issue/SEC-7/transitions"))
          .isEqualTo(JSON.readTree("{\"transition\": {\"id\": \"11\"}}"));
      assertThat(lastBody("/rest/api/3/issue/SEC-7/comment").toString())
          .contains("Regressed: the resource fails S3.4 again", "Bucket audit-logs has no default encryption.");
      assertThat(map().get("f-3b9a")).contains("SEC-7|3");
    }

    @Test
    void shouldOpenNewIssueLinkedToDoneOneInNewLinkedMode() throws Exception {
      stubProject();
      stubLabelSearch("v3/search-jql-done.json");
      stubCreate("SEC-8");
      jira.stubFor(post(urlEqualTo("/rest/api/3/issueLink")).willReturn(aResponse().withStatus(201)));
      jira.stubFor(post(urlEqualTo("/rest/api/3/issue/SEC-8/comment")).willReturn(aResponse()
          .withStatus(201).withHeader("Content-Type", "application/json").withBody(fixture("v3/comment-201.json"))));
      JiraDestination destination = start(settings().withRegressionMode(JiraSettings.RegressionMode.NEW_LINKED));

      destination.deliver(record(delta(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL, 3)));

      assertThat(posts()).containsExactly("/rest/api/3/issue", "/rest/api/3/issueLink", "/rest/api/3/issue/SEC-8/comment");
      assertThat(lastBody("/rest/api/3/issueLink")).isEqualTo(JSON.readTree("""
          {"type": {"name": "Relates"}, "inwardIssue": {"key": "SEC-8"}, "outwardIssue": {"key": "SEC-7"}}
          """));
      assertThat(map().get("f-3b9a")).contains("SEC-8|3");
    }

    @Test
    void shouldAdoptLinkedIssueCreatedBeforeACrashInsteadOfCreatingAnother() throws Exception {
      stubProject();
      map().put("f-3b9a", "SEC-7|1"); // remembered before; SEC-8 was created but never remembered
      jira.stubFor(get(urlEqualTo("/rest/api/3/issue/SEC-7?fields=status"))
          .willReturn(okJson(fixture("v3/issue-SEC-7-done.json"))));
      jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).atPriority(1)
          .withQueryParam("jql", equalTo(LABEL_JQL))
          .willReturn(okJson(fixture("v3/search-jql-open.json").replace("SEC-7", "SEC-8"))));
      stubCreate("SEC-9");
      JiraDestination destination = start(settings().withRegressionMode(JiraSettings.RegressionMode.NEW_LINKED));

      destination.deliver(record(delta(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL, 3)));

      assertThat(posts()).isEmpty();
      assertThat(map().get("f-3b9a")).contains("SEC-8|3");
    }

    @Test
    void shouldFailAtStartListingRequiredFieldsItDoesNotSet() {
      stubProject("v3/createmeta-task-fields-required-custom.json");

      assertThatThrownBy(() -> start(settings()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("requires fields this sink does not set: Security owner (customfield_10050)")
          .hasMessageNotContaining("Reporter"); // Jira defaults it
    }

    @Test
    void shouldStartWhenExtraFieldsCoverRequiredFieldAndSendThem() throws Exception {
      stubProject("v3/createmeta-task-fields-required-custom.json");
      stubCreate("SEC-1");
      JiraDestination destination = start(settings()
          .withExtraFields(Map.of("customfield_10050", "{\"value\": \"Platform security\"}")));

      destination.deliver(record(newFail()));

      assertThat(lastBody("/rest/api/3/issue").path("fields").path("customfield_10050"))
          .isEqualTo(JSON.readTree("{\"value\": \"Platform security\"}"));
    }

    @Test
    void shouldFailAtStartNamingMissingIssueTypeAndTransition() {
      stubProject();
      assertThatThrownBy(() -> start(settings().withIssueType("Vulnerability")))
          .hasMessageContaining("Jira issue type 'Vulnerability' is not available in project SEC (available: Bug, Task)");

      jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).atPriority(1)
          .withQueryParam("jql", equalTo(OPEN_SAMPLE_JQL_V3))
          .willReturn(okJson(fixture("v3/search-jql-open.json"))));
      jira.stubFor(get(urlEqualTo("/rest/api/3/issue/SEC-7/transitions"))
          .willReturn(okJson(fixture("v3/transitions-from-todo.json"))));
      assertThatThrownBy(() -> start(settings().withDoneTransition("Close Issue")))
          .hasMessageContaining("Jira transition Close Issue is not offered from status 'To Do' of SEC-7"
              + " (offered: In Progress → In Progress, Done → Done)");
    }

    @Test
    void shouldFailAtStartWhenProjectIsNotVisible() {
      jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes")).willReturn(aResponse()
          .withStatus(404).withHeader("Content-Type", "application/json")
          .withBody("{\"errorMessages\":[\"No project could be found with key 'SEC'.\"],\"errors\":{}}")));

      assertThatThrownBy(() -> start(settings()))
          .hasMessageContaining("Jira project SEC does not exist or this user cannot create issues in it");
    }

    @Test
    void shouldHonourRetryAfterOn429() {
      stubProject();
      jira.stubFor(post(urlEqualTo("/rest/api/3/issue")).willReturn(aResponse().withStatus(429)
          .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
          .withBody(fixture("v3/error-429.json"))));
      JiraDestination destination = start(settings());

      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> destination.deliver(record(newFail())));

      assertThat(e.retryable()).isTrue();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(e.getMessage()).contains("429", "Rate limit exceeded.").doesNotContain(TOKEN);
    }

    @Test
    void shouldTreatServerErrorsTimeoutsAndResetsAsRetryable() {
      stubProject();
      JiraDestination destination = start(settings().withRequestTimeout(Duration.ofMillis(400)));

      jira.stubFor(post(urlEqualTo("/rest/api/3/issue")).willReturn(aResponse().withStatus(500)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}")));
      DeliveryException serverError = catchThrowableOfType(DeliveryException.class,
          () -> destination.deliver(record(newFail())));
      jira.stubFor(post(urlEqualTo("/rest/api/3/issue")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      DeliveryException reset = catchThrowableOfType(DeliveryException.class,
          () -> destination.deliver(record(newFail())));
      jira.stubFor(post(urlEqualTo("/rest/api/3/issue")).willReturn(aResponse().withStatus(201).withFixedDelay(1500)));
      DeliveryException timeout = catchThrowableOfType(DeliveryException.class,
          () -> destination.deliver(record(newFail())));

      assertThat(List.of(serverError, reset, timeout)).allSatisfy(e -> {
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).doesNotContain(TOKEN);
      });
      assertThat(serverError.getMessage()).contains("500", "Internal server error");
    }

    @Test
    void shouldTreatBadRequestAsPermanentWithJiraMessages() {
      stubProject();
      jira.stubFor(post(urlEqualTo("/rest/api/3/issue")).willReturn(aResponse().withStatus(400)
          .withHeader("Content-Type", "application/json").withBody(fixture("v3/error-400.json"))));
      JiraDestination destination = start(settings());

      DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> destination.deliver(record(newFail())));

      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).isEqualTo("Jira POST /rest/api/3/issue → 400: Field 'priority' cannot be set."
          + " It is not on the appropriate screen, or unknown.; customfield_10050: Security owner is required.");
    }

    @Test
    void shouldSendBearerTokenWhenConfigured() throws Exception {
      stubProject();
      stubCreate("SEC-1");
      JiraSettings bearer = new JiraSettings(URI.create(jira.baseUrl()), JiraSettings.ApiVersion.CLOUD_V3,
          JiraSettings.Auth.bearer(TOKEN), "SEC", "Task", JiraSettings.defaultPriorities(), List.of(), List.of(),
          Map.of(), "Done", List.of("Reopen"), JiraSettings.RegressionMode.REOPEN, "Relates", mapTopic,
          Duration.ofSeconds(5), null);

      start(bearer).deliver(record(newFail()));

      jira.verify(postRequestedFor(urlEqualTo("/rest/api/3/issue")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
      jira.verify(0, getRequestedFor(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes"))
          .withHeader("Authorization", equalTo("Basic " + TOKEN)));
    }

    @Test
    void shouldKeepHostileResourceNameInPlainTextNodes() throws Exception {
      stubProject();
      stubCreate("SEC-1");
      String hostile = "x](https://evil.example) [click|https://evil.example] *boom* {code}\nh1. @channel";
      JiraDestination destination = start(settings());

      destination.deliver(record(FindingDelta.newBuilder(newFail()).setResourceId(hostile).build()));

      JsonNode fields = lastBody("/rest/api/3/issue").path("fields");
      assertThat(fields.path("summary").asText())
          .isEqualTo("[S3.4] S3 buckets should have server-side encryption enabled — "
              + "x](https://evil.example) [click|https://evil.example] *boom* {code} h1. @channel");
      List<JsonNode> inline = new ArrayList<>();
      fields.path("description").path("content").forEach(p -> p.path("content").forEach(inline::add));
      assertThat(inline).allSatisfy(n -> assertThat(n.path("type").asText()).isEqualTo("text"));
      assertThat(inline).filteredOn(n -> n.path("text").asText().equals(hostile))
          .singleElement().satisfies(n -> assertThat(n.has("marks")).isFalse());
      assertThat(inline).filteredOn(n -> n.has("marks"))
          .allSatisfy(n -> assertThat(n.path("marks").toString()).isEqualTo("[{\"type\":\"strong\"}]"))
          .allSatisfy(n -> assertThat(n.path("text").asText()).doesNotContain("evil"));
    }

    @Test
    void shouldFileNothingForNewPass() throws Exception {
      stubProject();
      JiraDestination destination = start(settings());

      destination.deliver(record(delta(ChangeKind.NEW, null, FindingStatus.PASS, 1)));

      assertThat(posts()).isEmpty();
      assertThat(map().get("f-3b9a")).isEmpty();
    }
  }

  @Nested
  class ServerV2 {

    JiraSettings settings() {
      return JiraSettings.defaults(URI.create(jira.baseUrl()), JiraSettings.Auth.bearer(TOKEN), "SEC")
          .withApiVersion(JiraSettings.ApiVersion.SERVER_V2)
          .withDoneTransition("Resolve Issue")
          .withIssueMapTopic(mapTopic);
    }

    void stubProject() {
      jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/createmeta/SEC/issuetypes"))
          .willReturn(okJson(fixture("v2/createmeta-issuetypes.json"))));
      jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/createmeta/SEC/issuetypes/3"))
          .willReturn(okJson(fixture("v2/createmeta-task-fields.json"))));
      jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).atPriority(10)
          .willReturn(okJson(fixture("v2/search-empty.json"))));
      stubNothingRecorded("/rest/api/2");
    }

    void stubCreate() {
      jira.stubFor(post(urlEqualTo("/rest/api/2/issue")).willReturn(aResponse().withStatus(201)
          .withHeader("Content-Type", "application/json").withBody(fixture("v2/create-issue-201.json"))));
    }

    @Test
    void shouldCreateIssueWithWikiDescriptionOnNewFailure() throws Exception {
      stubProject();
      stubCreate();
      JiraDestination destination = start(settings());

      destination.deliver(record(newFail()));

      jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue"))
          .withHeader("Authorization", equalTo("Bearer " + TOKEN))
          .withRequestBody(equalToJson(fixture("v2/expected-create-issue-request.json"))));
      jira.verify(getRequestedFor(urlPathEqualTo("/rest/api/2/search")).withQueryParam("jql", equalTo(LABEL_JQL)));
      assertThat(map().get("f-3b9a")).contains("SEC-1|1");
    }

    @Test
    void shouldCommentPlainBodyAndResolveOnResolved() throws Exception {
      stubProject();
      jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).atPriority(1)
          .withQueryParam("jql", equalTo(LABEL_JQL))
          .willReturn(okJson(fixture("v2/search-open.json"))));
      jira.stubFor(get(urlEqualTo("/rest/api/2/issue/SEC-7/transitions"))
          .willReturn(okJson(fixture("v2/transitions-from-in-progress.json"))));
      jira.stubFor(post(urlEqualTo("/rest/api/2/issue/SEC-7/transitions")).willReturn(aResponse().withStatus(204)));
      jira.stubFor(post(urlEqualTo("/rest/api/2/issue/SEC-7/comment")).willReturn(aResponse().withStatus(201)
          .withHeader("Content-Type", "application/json").withBody(fixture("v2/comment-201.json"))));
      JiraDestination destination = start(settings());

      destination.deliver(record(resolved(2)));

      assertThat(posts()).containsExactly("/rest/api/2/issue/SEC-7/comment", "/rest/api/2/issue/SEC-7/transitions");
      assertThat(lastBody("/rest/api/2/issue/SEC-7/comment")).isEqualTo(JSON.readTree("""
          {"body": "Resolved: the resource passes S3.4 again (evaluated 2025\\\\-03\\\\-01T10:15:30.123Z). Reason:\\n\\nBucket audit\\\\-logs has default encryption (SSE\\\\-KMS).\\n\\nCompliance Streams delta f\\\\-3b9a:2"}
          """));
      assertThat(lastBody("/rest/api/2/issue/SEC-7/transitions"))
          .isEqualTo(JSON.readTree("{\"transition\": {\"id\": \"5\"}}"));
    }

    @Test
    void shouldEscapeHostileResourceNameInWikiText() throws Exception {
      stubProject();
      stubCreate();
      JiraDestination destination = start(settings());

      destination.deliver(record(FindingDelta.newBuilder(newFail())
          .setResourceId("[click|https://evil.example] *b* {noformat}\\\nh1. [~admin] !img.png!")
          .build()));

      assertThat(lastBody("/rest/api/2/issue").path("fields").path("description").asText())
          .contains("*Resource id:* \\[click\\|https://evil.example\\] \\*b\\* \\{noformat\\}&#92; h1. \\[\\~admin\\] \\!img.png\\!")
          .doesNotContain("[click|");
    }
  }
}
