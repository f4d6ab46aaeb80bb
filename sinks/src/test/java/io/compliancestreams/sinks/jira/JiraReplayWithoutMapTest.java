package io.compliancestreams.sinks.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.sinks.runner.CompactedTopicMap;
import io.compliancestreams.sinks.runner.DeliveryException;
import io.compliancestreams.sinks.runner.SinkRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.5: the Jira sink replays its whole delta history with its issue map lost (a new, empty
 * map topic) against a stateful Jira Cloud ({@link FakeJiraCloud}) and a real broker, and counts the
 * writes Jira receives: a replay of what was applied writes nothing, and a delta whose answer was
 * lost before anything recorded it is applied exactly once.
 */
class JiraReplayWithoutMapTest {

  private static final String FINDING = "f-3b9a";
  private static final String OTHER = "f-77c1";

  private static KafkaBroker kafka;
  private static FakeJiraCloud fake;
  private static WireMockServer jira;

  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void startServers() {
    kafka = KafkaBroker.start();
  }

  @AfterAll
  static void stopServers() {
    kafka.close();
  }

  @BeforeEach
  void freshJira() {
    fake = new FakeJiraCloud();
    jira = new WireMockServer(options().dynamicPort().extensions(fake));
    jira.start();
    jira.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500))); // answered by the fake
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    jira.stop();
  }

  /**
   * f-3b9a fails, is resolved, regresses (the issue is re-opened), is resolved, regresses and is
   * closed; f-77c1 fails and stays open.
   */
  private static List<FindingDelta> history() {
    return List.of(
        delta(FINDING, ChangeKind.NEW, null, FindingStatus.FAIL, 1),
        delta(OTHER, ChangeKind.NEW, null, FindingStatus.FAIL, 1),
        delta(FINDING, ChangeKind.RESOLVED, FindingStatus.FAIL, FindingStatus.PASS, 2),
        delta(FINDING, ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL, 3),
        delta(FINDING, ChangeKind.RESOLVED, FindingStatus.FAIL, FindingStatus.PASS, 4),
        delta(FINDING, ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL, 5),
        delta(FINDING, ChangeKind.CLOSED, FindingStatus.FAIL, null, 6));
  }

  @Test
  void shouldChangeNothingInJiraWhenTheWholeHistoryIsReplayedWithTheMapLost() throws Exception {
    JiraDestination first = start(freshMap());
    for (FindingDelta d : history()) {
      first.deliver(record(d));
    }
    assertThat(fake.keys()).containsExactly("SEC-1", "SEC-2");
    assertThat(fake.issue("SEC-1").orElseThrow().done).isTrue();
    assertThat(fake.issue("SEC-1").orElseThrow().comments).hasSize(5);
    assertThat(writes()).hasSize(2 + 5 + 5 + 7); // creates, comments, transitions, properties
    int before = writes().size();

    CompactedTopicMap lost = freshMap();
    JiraDestination replay = start(lost);
    for (FindingDelta d : history()) {
      replay.deliver(record(d));
    }

    assertThat(writes()).hasSize(before);
    assertThat(writes()).filteredOn(w -> w.startsWith("POST /rest/api/3/issue/SEC-1/comment")).hasSize(5);
    assertThat(writes()).filteredOn(w -> w.endsWith("/transitions")).hasSize(5);
    assertThat(writes()).filteredOn(w -> w.equals("POST /rest/api/3/issue")).hasSize(2);
    assertThat(fake.issue("SEC-1").orElseThrow().done).isTrue();
    assertThat(fake.issue("SEC-2").orElseThrow().done).isFalse();
    assertThat(lost.get(FINDING)).contains("SEC-1|6");
    assertThat(lost.get(OTHER)).contains("SEC-2|1");
  }

  /**
   * Delta 4 (RESOLVED) comments, moves to Done and records itself on the issue; the answer of one of
   * those calls is lost (Jira acted, the sink saw a reset) and the sink restarts with its map lost.
   */
  @ParameterizedTest(name = "answer of {0} lost")
  @ValueSource(strings = {"POST /rest/api/3/issue/SEC-1/comment", "POST /rest/api/3/issue/SEC-1/transitions",
      "PUT /rest/api/3/issue/SEC-1/properties/compliance-streams"})
  void shouldApplyTheLastDeltaExactlyOnceWhenItsAnswerWasLostBeforeTheMapWrite(String call) throws Exception {
    List<FindingDelta> upToFour = history().subList(0, 5);
    JiraDestination first = start(freshMap());
    for (FindingDelta d : upToFour.subList(0, 4)) {
      first.deliver(record(d));
    }
    String[] methodAndPath = call.split(" ");
    fake.loseAnswerOf(methodAndPath[0], methodAndPath[1]);
    DeliveryException crash = catchThrowableOfType(DeliveryException.class, () -> first.deliver(record(upToFour.get(4))));
    assertThat(crash.retryable()).isTrue();

    CompactedTopicMap lost = freshMap();
    JiraDestination replay = start(lost);
    for (FindingDelta d : upToFour) {
      replay.deliver(record(d));
    }

    FakeJiraCloud.Issue issue = fake.issue("SEC-1").orElseThrow();
    assertThat(issue.comments).extracting(c -> lastParagraph(c.path("body")))
        .containsExactly("Compliance Streams delta f-3b9a:2", "Compliance Streams delta f-3b9a:3",
            "Compliance Streams delta f-3b9a:4");
    assertThat(writes()).filteredOn(w -> w.endsWith("/transitions")).hasSize(3); // Done, Reopen, Done
    assertThat(issue.done).isTrue();
    assertThat(issue.properties.get("compliance-streams").path("sequence").asLong()).isEqualTo(4);
    assertThat(writes()).filteredOn(w -> w.equals("POST /rest/api/3/issue")).hasSize(2);
    assertThat(lost.get(FINDING)).contains("SEC-1|4");
  }

  @Test
  void shouldReopenOnceWhenTheReopenAnswerWasLost() throws Exception {
    List<FindingDelta> upToThree = history().subList(0, 4);
    JiraDestination first = start(freshMap());
    for (FindingDelta d : upToThree.subList(0, 3)) {
      first.deliver(record(d));
    }
    fake.loseAnswerOf("POST", "/rest/api/3/issue/SEC-1/transitions");
    catchThrowableOfType(DeliveryException.class, () -> first.deliver(record(upToThree.get(3))));
    assertThat(fake.issue("SEC-1").orElseThrow().done).isFalse(); // re-opened, nothing recorded

    JiraDestination replay = start(freshMap());
    for (FindingDelta d : upToThree) {
      replay.deliver(record(d));
    }

    assertThat(writes()).filteredOn(w -> w.endsWith("/transitions")).hasSize(2); // Done, Reopen
    assertThat(fake.issue("SEC-1").orElseThrow().comments).extracting(c -> lastParagraph(c.path("body")))
        .containsExactly("Compliance Streams delta f-3b9a:2", "Compliance Streams delta f-3b9a:3");
    assertThat(fake.issue("SEC-1").orElseThrow().done).isFalse();
  }

  private JiraDestination start(CompactedTopicMap map) {
    JiraSettings settings = JiraSettings.defaults(URI.create(jira.baseUrl()),
        JiraSettings.Auth.basic("compliance-bot@example.com", "api-token"), "SEC");
    JiraDestination d = JiraDestination.start(settings, map);
    closeables.add(d);
    return d;
  }

  /** A map topic nobody wrote: the issue map as it is after its topic was lost. */
  private CompactedTopicMap freshMap() {
    CompactedTopicMap map = CompactedTopicMap.open(kafka.bootstrapServers(), "jira-issues-" + UUID.randomUUID(), (short) 1);
    closeables.add(map);
    return map;
  }

  /** Every request that changes something in Jira, as "METHOD path", oldest first. */
  private static List<String> writes() {
    List<String> out = new ArrayList<>();
    jira.getAllServeEvents().forEach(e -> {
      String method = e.getRequest().getMethod().getName();
      if (!method.equals("GET")) {
        out.add(0, method + " " + URI.create(e.getRequest().getUrl()).getRawPath());
      }
    });
    return out;
  }

  private static String lastParagraph(JsonNode adf) {
    JsonNode content = adf.path("content");
    return content.get(content.size() - 1).path("content").get(0).path("text").asText();
  }

  private static FindingDelta delta(String findingId, ChangeKind kind, FindingStatus previous, FindingStatus next,
      long sequence) {
    return FindingDelta.newBuilder(Samples.findingDelta())
        .setFindingId(findingId)
        .setChangeKind(kind)
        .setPreviousStatus(previous)
        .setNewStatus(next)
        .setSequence(sequence)
        .setDeltaId(findingId + ":" + sequence)
        .setSuppressed(false)
        .build();
  }

  private static SinkRecord record(FindingDelta d) {
    return new SinkRecord("compliance.finding.delta.v1", 0, d.getSequence(), d.getFindingId(), d);
  }
}
