package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.sinks.runner.CompactedTopicMap;
import io.compliancestreams.sinks.runner.DeliveryException;
import io.compliancestreams.sinks.runner.Destination;
import io.compliancestreams.sinks.runner.SinkRecord;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jira issue per failing finding. A delta whose new status is FAIL files the issue (or
 * re-opens it, or opens a new one linked to it); RESOLVED and CLOSED comment and move it to done.
 *
 * <p>Idempotent on its own, even without its map: the issue of a finding is found first in our
 * compacted map (finding id → {@code issueKey|lastSequence}, which also covers Jira's search lag
 * right after a create), then by JQL on the label {@code cs-<finding id>}; only when neither finds
 * one is an issue created. Each delta applied is recorded on the issue itself, in the issue property
 * {@value JiraApi#APPLIED_PROPERTY} (finding id, delta id, sequence), after its Jira calls and before
 * the map: a delta whose sequence is not newer than the map's or the issue's changes nothing, so a
 * replay after a restart, or of the whole topic with the map lost, makes no call that writes. Within
 * a delta every step checks Jira first: the issue is moved only when its status is not already
 * where the delta takes it, and a comment is made only when none of the issue's newest comments
 * carries the delta's marker line ({@link IssueContent#marker}), so a crash between the calls and
 * the records repeats neither.
 */
public final class JiraDestination implements Destination {

  private static final Logger LOG = LoggerFactory.getLogger(JiraDestination.class);

  private final JiraSettings settings;
  private final CompactedTopicMap issues;
  private final boolean ownsMap;
  private final JiraApi api;
  private final DocumentFormat format;
  private final IssueFields issueFields;

  private JiraDestination(JiraSettings settings, CompactedTopicMap issues, boolean ownsMap) {
    this.settings = settings;
    this.issues = issues;
    this.ownsMap = ownsMap;
    ObjectMapper json = new ObjectMapper();
    this.api = new JiraApi(new JiraHttp(settings.baseUrl(), settings.auth(), settings.requestTimeout(), json),
        settings.apiVersion());
    this.format = settings.apiVersion() == JiraSettings.ApiVersion.CLOUD_V3 ? new AdfFormat() : new WikiFormat();
    ProjectSetup setup = ProjectSetup.check(api, settings);
    this.issueFields = new IssueFields(settings, setup.issueTypeId(), setup.screenFields(), format, json);
  }

  /**
   * Opens the issue map ({@link JiraSettings#issueMapTopic()}, created compacted if missing), checks
   * the Jira project and returns the destination; closing it closes the map.
   *
   * @throws IllegalStateException naming what is wrong in Jira (project, issue type, required fields,
   *     transitions) or with the map topic
   */
  public static JiraDestination open(JiraSettings settings, String bootstrapServers, short replication) {
    return open(settings, KafkaClientConfig.plaintext(bootstrapServers), replication);
  }

  /** The same over the deployment's Kafka client properties. */
  public static JiraDestination open(JiraSettings settings, KafkaClientConfig kafka, short replication) {
    CompactedTopicMap map = CompactedTopicMap.open(kafka, settings.issueMapTopic(), replication);
    try {
      return new JiraDestination(settings, map, true);
    } catch (RuntimeException e) {
      map.close();
      throw e;
    }
  }

  /** Checks the Jira project and returns the destination over a map the caller owns. */
  public static JiraDestination start(JiraSettings settings, CompactedTopicMap issues) {
    return new JiraDestination(settings, issues, false);
  }

  @Override
  public String name() {
    return "jira";
  }

  @Override
  public void deliver(SinkRecord record) throws DeliveryException {
    FindingDelta d = record.delta();
    Action action = Action.of(d);
    if (action == Action.NONE) {
      return;
    }
    Optional<IssueRef> ref = issues.get(d.getFindingId()).flatMap(IssueRef::decode);
    if (ref.isPresent() && d.getSequence() <= ref.get().lastSequence()) {
      LOG.debug("Delta {} already applied to {}", d.getDeltaId(), ref.get().key());
      return;
    }
    Optional<JiraApi.Issue> current = locate(d, ref);
    if (current.isPresent() && alreadyApplied(d, current.get())) {
      return;
    }
    switch (action) {
      case FAIL -> onFailure(d, current);
      case RESOLVE -> onPass(d, current, IssueContent.resolvedSentence(d));
      case CLOSE -> onPass(d, current, IssueContent.closedSentence(d));
      default -> throw new IllegalStateException("unhandled " + action);
    }
  }

  /** What a delta means for Jira. */
  private enum Action {
    FAIL, RESOLVE, CLOSE, NONE;

    static Action of(FindingDelta d) {
      if (d.getChangeKind() == ChangeKind.RESOLVED) {
        return RESOLVE;
      }
      if (d.getChangeKind() == ChangeKind.CLOSED) {
        return CLOSE;
      }
      // NEW FAIL, REGRESSED, and CHANGED into FAIL (e.g. from ERROR); NEW PASS etc. file nothing.
      return d.getNewStatus() == FindingStatus.FAIL ? FAIL : NONE;
    }
  }

  /** Our map first (it sees issues the search index does not yet), then the label. */
  private Optional<JiraApi.Issue> locate(FindingDelta d, Optional<IssueRef> ref) throws DeliveryException {
    if (ref.isPresent()) {
      Optional<JiraApi.Issue> mapped = api.issue(ref.get().key());
      if (mapped.isPresent()) {
        return mapped;
      }
      LOG.warn("Jira issue {} of finding {} is gone; searching by label", ref.get().key(), d.getFindingId());
    }
    return searchByLabel(d);
  }

  /**
   * Whether the issue records this delta (or a later one) as applied; if so, the map learns it, so
   * the rest of a replay is recognised without asking Jira.
   */
  private boolean alreadyApplied(FindingDelta d, JiraApi.Issue issue) throws DeliveryException {
    Optional<Long> applied = api.appliedSequence(issue.key());
    if (applied.isEmpty() || d.getSequence() > applied.get()) {
      return false;
    }
    LOG.debug("Delta {} already applied to {} (its property says sequence {})", d.getDeltaId(), issue.key(),
        applied.get());
    IssueRef known = new IssueRef(issue.key(), applied.get());
    if (!issues.get(d.getFindingId()).flatMap(IssueRef::decode).equals(Optional.of(known))) {
      remember(d.getFindingId(), known);
    }
    return true;
  }

  private Optional<JiraApi.Issue> searchByLabel(FindingDelta d) throws DeliveryException {
    return api.searchFirst(Jql.byLabel(settings.projectKey(), IssueContent.findingLabel(d.getFindingId())));
  }

  private void onFailure(FindingDelta d, Optional<JiraApi.Issue> current) throws DeliveryException {
    if (current.isEmpty()) {
      String key = api.create(issueFields.forFailure(d));
      LOG.info("Created Jira issue {} for finding {}", key, d.getFindingId());
      applied(d, key);
      return;
    }
    JiraApi.Issue issue = current.get();
    if (!issue.done()) {
      // Open: new to us, or re-opened by an attempt that crashed before recording it.
      if (d.getChangeKind() == ChangeKind.REGRESSED) {
        commentOnce(issue.key(), d, IssueContent.regressedSentence(d), d.getReason());
      }
      applied(d, issue.key());
      return;
    }
    if (settings.regressionMode() == JiraSettings.RegressionMode.REOPEN) {
      move(issue, settings.reopenTransitions());
      commentOnce(issue.key(), d, IssueContent.regressedSentence(d), d.getReason());
      LOG.info("Re-opened Jira issue {} for finding {}", issue.key(), d.getFindingId());
      applied(d, issue.key());
    } else {
      applied(d, linkedSuccessor(d, issue));
    }
  }

  /**
   * A new issue related to the done one. If an open issue newer than it already carries the label,
   * a previous attempt created it and crashed before remembering: adopt it instead of a second one.
   */
  private String linkedSuccessor(FindingDelta d, JiraApi.Issue done) throws DeliveryException {
    Optional<JiraApi.Issue> newest = searchByLabel(d);
    if (newest.isPresent() && !newest.get().key().equals(done.key()) && !newest.get().done()) {
      return newest.get().key();
    }
    String key = api.create(issueFields.forFailure(d));
    api.link(settings.linkType(), key, done.key());
    commentOnce(key, d, IssueContent.linkedSentence(done.key()), null);
    LOG.info("Created Jira issue {} for finding {}, linked to done {}", key, d.getFindingId(), done.key());
    return key;
  }

  /** Comment first: some workflows make done issues read-only. */
  private void onPass(FindingDelta d, Optional<JiraApi.Issue> current, String sentence) throws DeliveryException {
    if (current.isEmpty()) {
      LOG.debug("No Jira issue for finding {}; nothing to close", d.getFindingId());
      return;
    }
    JiraApi.Issue issue = current.get();
    commentOnce(issue.key(), d, sentence, d.getReason());
    if (!issue.done()) {
      move(issue, List.of(settings.doneTransition()));
    }
    applied(d, issue.key());
  }

  /** Comments unless one of the issue's newest comments already carries this delta's marker. */
  private void commentOnce(String key, FindingDelta d, String sentence, String detail) throws DeliveryException {
    String marker = IssueContent.marker(d);
    if (api.recentCommentBodies(key).stream().anyMatch(body -> format.carries(body, marker))) {
      LOG.debug("Jira issue {} already has the comment of delta {}", key, d.getDeltaId());
      return;
    }
    api.comment(key, format.comment(sentence, detail, marker));
  }

  private void move(JiraApi.Issue issue, List<String> names) throws DeliveryException {
    List<JiraApi.Transition> offered = api.transitions(issue.key());
    JiraApi.Transition t = Transitions.pick(offered, names).orElseThrow(() -> DeliveryException.permanent(
        "Jira transition " + String.join(" / ", names) + " is not offered for " + issue.key()
            + " in status '" + issue.statusName() + "' (offered: " + Transitions.describe(offered) + ")", null));
    api.transition(issue.key(), t.id());
  }

  /** Records the delta on the issue (its property), then in the map: Jira first, it outlives the map. */
  private void applied(FindingDelta d, String key) throws DeliveryException {
    try {
      api.recordApplied(key, d.getFindingId(), d.getDeltaId(), d.getSequence());
    } catch (DeliveryException e) {
      if (e.retryable()) {
        throw e; // the retry finds the comment and the status in place and records them
      }
      // Refused (e.g. a workflow that makes done issues read-only): the delta is applied; only a
      // replay with the map lost would find this issue unrecorded and check comments and status again.
      LOG.warn("Jira issue {} does not accept property {}: {}", key, JiraApi.APPLIED_PROPERTY, e.getMessage());
    }
    remember(d.getFindingId(), new IssueRef(key, d.getSequence()));
  }

  private void remember(String findingId, IssueRef ref) throws DeliveryException {
    try {
      issues.put(findingId, ref.encode());
    } catch (RuntimeException e) {
      // The issue records the delta; retrying finds it (map or label), sees that, and only writes the map.
      throw DeliveryException.retryable("cannot remember Jira issue " + ref.key() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (ownsMap) {
      issues.close();
    }
  }
}
