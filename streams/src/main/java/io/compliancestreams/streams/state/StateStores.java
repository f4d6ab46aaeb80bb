package io.compliancestreams.streams.state;

import io.compliancestreams.streams.practices.ConfigurationItem;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The names and builders of the topology's state stores (persistent RocksDB, changelogged). */
public final class StateStores {

  /** Per resource (canonical resource key): item + resource-scoped findings. */
  public static final String RESOURCE_STATE = "resource-state";
  /** Per account: the scope-scoped findings. */
  public static final String SCOPE_STATE = "scope-state";
  /** {@code accountId|resourceKey} → the live items that scope-scoped practices read. */
  public static final String SCOPE_ITEMS = "scope-items";
  /** Accounts with contributions not yet evaluated → millis of the last contribution. */
  public static final String SCOPE_DIRTY = "scope-dirty";
  /** {@code <19-digit epoch millis>|<key>} → "" : when to re-evaluate what (resources). */
  public static final String RESOURCE_RECHECKS = "resource-rechecks";
  /** The same for accounts (scope findings). */
  public static final String SCOPE_RECHECKS = "scope-rechecks";
  /** CloudTrail event ids already processed → event time millis (purged after the window). */
  public static final String SEEN_EVENTS = "seen-events";
  /**
   * {@code findingId|<19-digit sequence>} → one delta of that finding, for its page; partitioned
   * like the delta topic (by finding id), bounded by FindingHistoryRecorder.
   */
  public static final String FINDING_HISTORY = "finding-history";
  /**
   * {@code <19-digit epoch ms of a minute>} → net change of the failing and error counts in that
   * minute; partitioned like the delta topic, kept by PostureTrendRecorder.
   */
  public static final String POSTURE_TREND = "posture-trend";
  /** Finding id → what the trend counts it as now (a severity, or ERROR); absent when not counted. */
  public static final String POSTURE_TREND_MEMBERS = "posture-trend-members";
  /** Resource key → the most recent relevant CloudTrail event's actor (purged after the window). */
  public static final String RECENT_EVENTS = "recent-events";
  /** Account id → the same for the account aggregate. */
  public static final String SCOPE_RECENT_EVENTS = "scope-recent-events";
  /** Global: {@code accountId|resourceType|name-or-arn} → canonical resource key. */
  public static final String ALIASES = "resource-aliases";
  /** Global: suppression id → suppression rule. */
  public static final String SUPPRESSIONS = "suppressions";

  private StateStores() {}

  /** Binary header + JSON body ({@link StoredResourceSerde}); reads the older all-JSON values too. */
  public static StoreBuilder<KeyValueStore<String, StoredResource>> resourceState() {
    return keyValue(RESOURCE_STATE, new StoredResourceSerde());
  }

  public static StoreBuilder<KeyValueStore<String, ScopeState>> scopeState() {
    return keyValue(SCOPE_STATE, new JsonSerde<>(ScopeState.class));
  }

  public static StoreBuilder<KeyValueStore<String, ConfigurationItem>> scopeItems() {
    return keyValue(SCOPE_ITEMS, new JsonSerde<>(ConfigurationItem.class));
  }

  public static StoreBuilder<KeyValueStore<String, Long>> scopeDirty() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SCOPE_DIRTY),
        Serdes.String(), Serdes.Long());
  }

  public static StoreBuilder<KeyValueStore<String, String>> rechecks(String name) {
    return keyValue(name, Serdes.String());
  }

  public static StoreBuilder<KeyValueStore<String, Long>> seenEvents() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SEEN_EVENTS),
        Serdes.String(), Serdes.Long());
  }

  public static StoreBuilder<KeyValueStore<String, io.compliancestreams.streams.query.HistoryEntry>> findingHistory() {
    return keyValue(FINDING_HISTORY, new JsonSerde<>(io.compliancestreams.streams.query.HistoryEntry.class));
  }

  /** The history store's key: sorts a finding's deltas by sequence ('|' sorts after the id). */
  public static String historyKey(String findingId, long sequence) {
    return findingId + "|" + String.format("%019d", sequence);
  }

  public static StoreBuilder<KeyValueStore<String, io.compliancestreams.streams.query.TrendCounts>> postureTrend() {
    return keyValue(POSTURE_TREND, new JsonSerde<>(io.compliancestreams.streams.query.TrendCounts.class));
  }

  public static StoreBuilder<KeyValueStore<String, String>> postureTrendMembers() {
    return keyValue(POSTURE_TREND_MEMBERS, Serdes.String());
  }

  /** The trend store's key of a bucket: its start in epoch milliseconds, 19 digits, so keys sort by time. */
  public static String trendBucketKey(long epochMillis) {
    return String.format("%019d", epochMillis);
  }

  /** The attribution stores ({@link #RECENT_EVENTS}, {@link #SCOPE_RECENT_EVENTS}). */
  public static StoreBuilder<KeyValueStore<String, io.compliancestreams.streams.findings.Attribution>>
      recentEvents(String name) {
    return keyValue(name, new JsonSerde<>(io.compliancestreams.streams.findings.Attribution.class));
  }

  /** Global stores are restored from their source topic, so they keep no changelog of their own. */
  public static StoreBuilder<KeyValueStore<String, io.compliancestreams.streams.findings.SuppressionRule>>
      suppressions() {
    return keyValue(SUPPRESSIONS,
        new JsonSerde<>(io.compliancestreams.streams.findings.SuppressionRule.class)).withLoggingDisabled();
  }

  public static StoreBuilder<KeyValueStore<String, String>> aliases() {
    return keyValue(ALIASES, Serdes.String()).withLoggingDisabled();
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(
      String name, org.apache.kafka.common.serialization.Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name),
        Serdes.String(), valueSerde);
  }
}
