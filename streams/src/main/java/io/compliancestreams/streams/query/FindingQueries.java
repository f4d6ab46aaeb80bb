package io.compliancestreams.streams.query;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.findings.StoredFinding;
import io.compliancestreams.streams.findings.SuppressionRule;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.state.ResourceState;
import io.compliancestreams.streams.state.StoredResource;
import io.compliancestreams.streams.state.ScopeState;
import io.compliancestreams.streams.state.StateStores;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads this instance's share of the state (the partitions it owns) and tells which instance
 * owns a key. Merging across instances is the HTTP layer's job: it asks every instance for its
 * local findings and routes single-key look-ups to the owner.
 */
public final class FindingQueries {

  private final KafkaStreams streams;
  private final Map<Integer, PracticeMetadata> metadata;
  private final Clock clock;

  public FindingQueries(KafkaStreams streams, List<Practice> practices, Clock clock) {
    this.streams = streams;
    this.metadata = practices.stream()
        .collect(Collectors.toUnmodifiableMap(Practice::number, Practice::metadata));
    this.clock = clock;
  }

  /** This instance's findings that match the filter (NOT_APPLICABLE included). */
  public List<FindingView> localFindings(FindingFilter filter) {
    List<SuppressionRule> rules = suppressionRules();
    Instant now = clock.instant();
    List<FindingView> out = new ArrayList<>();
    try (KeyValueIterator<String, StoredResource> it = resourceStore().all()) {
      it.forEachRemaining(kv -> {
        ResourceState state = kv.value.state();
        state.findings().forEach(f -> add(out, f, rules, now, filter, name(state.item())));
      });
    }
    try (KeyValueIterator<String, ScopeState> it = scopeStore().all()) {
      it.forEachRemaining(kv -> kv.value.findings().forEach(f -> add(out, f, rules, now, filter, null)));
    }
    return out;
  }

  /** A resource held by this instance (resource key), or an account's scope findings (account id). */
  public Optional<ResourceView> localResource(String key) {
    List<SuppressionRule> rules = suppressionRules();
    Instant now = clock.instant();
    StoredResource stored = resourceStore().get(key);
    if (stored != null) {
      ResourceState state = stored.state();
      return Optional.of(new ResourceView(key, state.item().resourceType(), state.item().resourceName(),
          state.item().tags(), state.item().captureTime(),
          state.evaluatedAt(), views(state.findings(), rules, now, name(state.item()))));
    }
    ScopeState scope = scopeStore().get(key);
    if (scope != null) {
      return Optional.of(new ResourceView(key, ResourceTypes.ACCOUNT, null, null, null, scope.evaluatedAt(),
          views(scope.findings(), rules, now, null)));
    }
    return Optional.empty();
  }

  /** A finding's recent deltas held by this instance, oldest first (empty if it holds none). */
  public List<HistoryEntry> localHistory(String findingId) {
    ReadOnlyKeyValueStore<String, HistoryEntry> store = streams.store(StoreQueryParameters.fromNameAndType(
        StateStores.FINDING_HISTORY, QueryableStoreTypes.keyValueStore()));
    List<HistoryEntry> out = new ArrayList<>();
    try (KeyValueIterator<String, HistoryEntry> it = store.range(StateStores.historyKey(findingId, 0),
        StateStores.historyKey(findingId, Long.MAX_VALUE))) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  /**
   * This instance's share of the posture trend: the net change per minute from {@code from} on (its
   * partitions of the delta topic) and the failing and error counts of the findings it holds now.
   */
  public LocalTrend localTrend(Instant from) {
    ReadOnlyKeyValueStore<String, TrendCounts> store = streams.store(StoreQueryParameters.fromNameAndType(
        StateStores.POSTURE_TREND, QueryableStoreTypes.keyValueStore()));
    Map<Long, TrendCounts> minutes = new java.util.TreeMap<>();
    try (KeyValueIterator<String, TrendCounts> it = store.range(StateStores.trendBucketKey(from.toEpochMilli()),
        StateStores.trendBucketKey(Long.MAX_VALUE))) {
      // One entry per minute and partition: this instance's partitions may share a minute.
      it.forEachRemaining(kv -> minutes.merge(Long.parseLong(kv.key), kv.value, TrendCounts::plus));
    }
    TrendCounts live = TrendCounts.ZERO;
    for (FindingView f : localFindings(FindingFilter.ALL)) {
      live = live.plus(TrendCounts.one(TrendCounts.categoryOf(f.status(), f.severity(), f.suppressed())));
    }
    return new LocalTrend(minutes, live);
  }

  /**
   * This instance's share of the remediation figures: how long the failures lasted that the deltas in
   * its partitions of the finding history ended, per practice, and its oldest open failures (FAIL,
   * not suppressed); both of the findings the filter matches (its status applies to the open
   * failures only, which are FAIL).
   */
  public LocalRemediation localRemediation(FindingFilter filter) {
    ReadOnlyKeyValueStore<String, HistoryEntry> history = streams.store(StoreQueryParameters.fromNameAndType(
        StateStores.FINDING_HISTORY, QueryableStoreTypes.keyValueStore()));
    Map<Integer, List<Long>> durations = new java.util.TreeMap<>();
    try (KeyValueIterator<String, HistoryEntry> it = history.all()) {
      it.forEachRemaining(kv -> {
        HistoryEntry e = kv.value;
        if (e.failedForMillis() != null && filter.matchesFinding(e.practice(), e.controlId(), e.accountId(),
            e.region(), e.severity(), e.resourceKey(), e.resourceArn())) {
          durations.computeIfAbsent(kv.value.practice(), k -> new ArrayList<>()).add(kv.value.failedForMillis());
        }
      });
    }
    List<SuppressionRule> rules = suppressionRules();
    Instant now = clock.instant();
    List<LocalRemediation.OpenFailure> open = new ArrayList<>();
    try (KeyValueIterator<String, StoredResource> it = resourceStore().all()) {
      it.forEachRemaining(kv -> {
        ResourceState state = kv.value.state();
        state.findings().forEach(f ->
            openFailure(f, state.item().resourceName(), rules, now, filter).ifPresent(open::add));
      });
    }
    try (KeyValueIterator<String, ScopeState> it = scopeStore().all()) {
      it.forEachRemaining(kv -> kv.value.findings().forEach(f ->
          openFailure(f, null, rules, now, filter).ifPresent(open::add)));
    }
    return new LocalRemediation(durations, RemediationReport.oldest(open));
  }

  /** The practices' metadata by number (for the reports merged from every instance). */
  public Map<Integer, PracticeMetadata> metadata() {
    return metadata;
  }

  private Optional<LocalRemediation.OpenFailure> openFailure(StoredFinding f, String resourceName,
      List<SuppressionRule> rules, Instant now, FindingFilter filter) {
    PracticeMetadata m = metadata.get(f.practice());
    Instant since = f.openFailureSince();
    if (m == null || f.status() != io.compliancestreams.streams.practices.Status.FAIL || since == null
        || (filter.status() != null && !filter.status().equalsIgnoreCase("FAIL"))
        || !filter.matchesFinding(f.practice(), m.controlId(), f.resource().accountId(), f.resource().region(),
            m.severity().name(), f.resource().key(), f.resource().arn())
        || rules.stream().anyMatch(r -> r.matches(f.findingId(), f.practice(), f.resource(), now))) {
      return Optional.empty();
    }
    return Optional.of(new LocalRemediation.OpenFailure(f.findingId(), f.practice(), m.controlId(),
        m.severity().name(), f.resource().key(), resourceName, f.resource().resourceId(), since,
        Math.max(0, java.time.Duration.between(since, now).toSeconds())));
  }

  /** The instance that holds a finding's history: the owner of its partition of the delta topic. */
  public Optional<HostInfo> historyOwnerOf(String findingId) {
    KeyQueryMetadata meta = streams.queryMetadataForKey(StateStores.FINDING_HISTORY, findingId,
        Serdes.String().serializer());
    if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return Optional.empty();
    }
    return Optional.of(meta.activeHost());
  }

  /** The instance that owns a resource key (or an account id, for scope findings). */
  public Optional<HostInfo> ownerOf(String key) {
    String store = key.contains("/") ? StateStores.RESOURCE_STATE : StateStores.SCOPE_STATE;
    KeyQueryMetadata meta = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return Optional.empty();
    }
    return Optional.of(meta.activeHost());
  }

  /** Every instance of this application that hosts state. */
  public List<HostInfo> instances() {
    Collection<StreamsMetadata> all = streams.metadataForAllStreamsClients();
    return all.stream().map(StreamsMetadata::hostInfo).distinct().toList();
  }

  private List<FindingView> views(List<StoredFinding> findings, List<SuppressionRule> rules, Instant now,
      String resourceName) {
    List<FindingView> out = new ArrayList<>();
    findings.forEach(f -> add(out, f, rules, now, FindingFilter.ALL, resourceName));
    return out;
  }

  /** A resource's name worth showing beside its id (null when it is the id, as for buckets). */
  private static String name(io.compliancestreams.streams.practices.ConfigurationItem item) {
    String name = item == null ? null : item.resourceName();
    return name == null || name.isBlank() || name.equals(item.resourceId()) ? null : name;
  }

  private void add(List<FindingView> out, StoredFinding f, List<SuppressionRule> rules, Instant now,
      FindingFilter filter, String resourceName) {
    PracticeMetadata m = metadata.get(f.practice());
    if (m == null) {
      return;
    }
    boolean suppressed = rules.stream().anyMatch(r -> r.matches(f.findingId(), f.practice(), f.resource(), now));
    FindingView view = new FindingView(f.findingId(), f.practice(), m.controlId(), m.title(),
        m.severity().name(), f.status().name(), f.resource().accountId(), f.resource().region(),
        f.resource().resourceType(), f.resource().resourceId(), f.resource().arn(), f.resource().key(),
        f.reason(), m.remediation(), f.evaluatedAt(), f.firstSeenAt(), f.lastChangedAt(), suppressed,
        resourceName);
    if (filter.matches(view)) {
      out.add(view);
    }
  }

  private List<SuppressionRule> suppressionRules() {
    List<SuppressionRule> rules = new ArrayList<>();
    ReadOnlyKeyValueStore<String, SuppressionRule> store = streams.store(
        StoreQueryParameters.fromNameAndType(StateStores.SUPPRESSIONS, QueryableStoreTypes.keyValueStore()));
    try (KeyValueIterator<String, SuppressionRule> it = store.all()) {
      it.forEachRemaining(kv -> rules.add(kv.value));
    }
    return rules;
  }

  private ReadOnlyKeyValueStore<String, StoredResource> resourceStore() {
    return streams.store(StoreQueryParameters.fromNameAndType(StateStores.RESOURCE_STATE,
        QueryableStoreTypes.keyValueStore()));
  }

  private ReadOnlyKeyValueStore<String, ScopeState> scopeStore() {
    return streams.store(StoreQueryParameters.fromNameAndType(StateStores.SCOPE_STATE,
        QueryableStoreTypes.keyValueStore()));
  }
}
