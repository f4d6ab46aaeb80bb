package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.findings.Attribution;
import io.compliancestreams.streams.findings.StoredFinding;
import io.compliancestreams.streams.findings.SuppressionRule;
import io.compliancestreams.streams.findings.Trigger;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.state.ScopeState;
import io.compliancestreams.streams.state.StateStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-account aggregate (records keyed by account id): keeps every live item that account- or
 * region-scoped practices read, and evaluates those practices over the whole account.
 *
 * <p>Snapshot contributions arrive in bursts (a scan sends every region's facts), in any order.
 * Evaluating after each one would report transient states (no trail yet → FAIL, then PASS), so
 * contributions mark the account dirty and a wall-clock punctuation evaluates it once the burst is
 * quiet for {@code scopeDebounce}. The outcome is the same whatever the arrival order. A decisive
 * CloudTrail change is one change to a complete picture and is evaluated at once.
 */
final class ScopeProcessor extends ContextualProcessor<String, Change, String, Output> {

  private final PracticeIndex practices;
  private final Patcher patches;
  private final Duration recheckPoll;
  private final Duration debounce;
  private final Duration attributionWindow;
  private PracticeEngine engine;
  private RecentEvents recentEvents;
  private KeyValueStore<String, ConfigurationItem> items;
  private KeyValueStore<String, ScopeState> states;
  private KeyValueStore<String, Long> dirty;
  private RecheckIndex rechecks;
  private FindingEmitter emitter;
  private Suppressions suppressions;
  private Instant lastPunctuation;
  // Wall-clock time of each dirty account's last contribution. Not persisted: after a restart every
  // dirty account counts as quiet, which only makes its evaluation earlier.
  private final java.util.Map<String, Long> lastTouched = new java.util.HashMap<>();
  // Accounts whose stored findings this processor has seen evaluated with the current catalogue
  // (or marked dirty to be): checked once per account and task, not per snapshot.
  private final java.util.Set<String> catalogueChecked = new java.util.HashSet<>();

  ScopeProcessor(PracticeIndex practices, Patcher patches, Duration recheckPoll,
      Duration debounce, Duration attributionWindow) {
    this.practices = practices;
    this.patches = patches;
    this.recheckPoll = recheckPoll;
    this.debounce = debounce;
    this.attributionWindow = attributionWindow;
  }

  @Override
  public void init(ProcessorContext<String, Output> context) {
    super.init(context);
    engine = practices.scopeEngine(p -> TimedPractice.timed(p, context.metrics()));
    items = context.getStateStore(StateStores.SCOPE_ITEMS);
    states = context.getStateStore(StateStores.SCOPE_STATE);
    dirty = context.getStateStore(StateStores.SCOPE_DIRTY);
    rechecks = new RecheckIndex(context.getStateStore(StateStores.SCOPE_RECHECKS));
    recentEvents = new RecentEvents(context.getStateStore(StateStores.SCOPE_RECENT_EVENTS), attributionWindow);
    suppressions = new Suppressions(ResourceProcessor.readOnly(context.getStateStore(StateStores.SUPPRESSIONS)));
    emitter = new FindingEmitter(practices.metadataLookup(), suppressions);
    lastPunctuation = Instant.ofEpochMilli(context.currentSystemTimeMs());
    Duration tick = debounce.compareTo(recheckPoll) < 0 ? debounce : recheckPoll;
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, ts -> onWallClock(Instant.ofEpochMilli(ts)));
  }

  @Override
  public void process(Record<String, Change> record) {
    String account = record.key();
    Change change = record.value();
    if (!change.isSnapshot()) {
      recentEvents.note(account, Attributions.of(change.event(), Attribution.Certainty.PROBABLE));
      if (change.noteOnly()) {
        return;
      }
    }
    String itemKey = itemKey(account, change.targetKey());
    ConfigurationItem stored = items.get(itemKey);
    if (change.isSnapshot()) {
      ConfigurationItem item = change.item();
      if (stored != null && Ordering.isOlder(item, stored)) {
        return;
      }
      if (stored != null && sameContent(item, stored)) {
        // Nothing to evaluate; the capture time still advances so that the ordering guard holds
        // against an older snapshot with other content arriving later.
        if (!Ordering.isOlder(stored, item)) {
          return;
        }
        items.put(itemKey, item);
        if (catalogueChecked.add(account) && !evaluatedWithCurrentCatalogue(account)) {
          markDirty(account, record.timestamp());
        }
        return;
      }
      if (item.status().isDeleted()) {
        items.delete(itemKey);
      } else {
        items.put(itemKey, item);
      }
      markDirty(account, record.timestamp());
      return;
    }
    if (stored == null) {
      return; // the rescan requested for this event will bring the item
    }
    patches.apply(stored, change.event())
        .filter(patched -> !Ordering.isOlder(patched, stored))
        .ifPresent(patched -> {
          if (patched.status().isDeleted()) {
            items.delete(itemKey);
          } else {
            items.put(itemKey, patched);
          }
          evaluate(account, Instant.ofEpochMilli(record.timestamp()),
              Trigger.event(Attributions.of(change.event(), Attribution.Certainty.CERTAIN)));
        });
  }

  private void markDirty(String account, long recordTime) {
    Long since = dirty.get(account);
    dirty.put(account, Math.max(since == null ? 0 : since, recordTime));
    lastTouched.put(account, context().currentSystemTimeMs());
  }

  private boolean evaluatedWithCurrentCatalogue(String account) {
    ScopeState state = states.get(account);
    return state != null && state.catalogueHash() != null
        && state.catalogueHash() == practices.catalogueHash();
  }

  /** Equal but for the capture time and state id, which change on every re-send. */
  private static boolean sameContent(ConfigurationItem a, ConfigurationItem b) {
    return a.status() == b.status()
        && java.util.Objects.equals(a.arn(), b.arn())
        && java.util.Objects.equals(a.resourceName(), b.resourceName())
        && a.tags().equals(b.tags())
        && a.relationships().equals(b.relationships())
        && a.configuration().equals(b.configuration())
        && a.supplementaryConfiguration().equals(b.supplementaryConfiguration());
  }

  private void onWallClock(Instant now) {
    List<String> quiet = new ArrayList<>();
    List<KeyValue<String, Long>> pending = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = dirty.all()) {
      all.forEachRemaining(pending::add);
    }
    for (KeyValue<String, Long> entry : pending) {
      Long touched = lastTouched.get(entry.key);
      if (touched == null || now.toEpochMilli() - touched >= debounce.toMillis()) {
        quiet.add(entry.key);
      }
    }
    for (String account : quiet) {
      Long lastContribution = dirty.get(account);
      dirty.delete(account);
      lastTouched.remove(account);
      // Several snapshots make one evaluation: the account's most recent event is at best probable.
      Instant contributed = Instant.ofEpochMilli(lastContribution);
      evaluate(account, contributed,
          Trigger.snapshot(null).withAttribution(recentEvents.forSnapshot(account, contributed, null)));
    }
    for (String account : rechecks.takeDue(now)) {
      ScopeState state = states.get(account);
      if (state != null) {
        evaluate(account, now, Trigger.timer());
      }
    }
    unmuteExpired(now);
    recentEvents.purge(now.toEpochMilli(), context().currentStreamTimeMs());
  }

  private void evaluate(String account, Instant recordTime, Trigger trigger) {
    ScopeState state = states.get(account);
    Instant at = state != null && state.evaluatedAt() != null && state.evaluatedAt().isAfter(recordTime)
        ? state.evaluatedAt() : recordTime;
    List<ConfigurationItem> live = new ArrayList<>();
    try (KeyValueIterator<String, ConfigurationItem> it =
        items.prefixScan(account + "|", new StringSerializer())) {
      it.forEachRemaining(kv -> live.add(kv.value));
    }
    List<Evaluation> evaluations = engine.evaluate(live, at);
    List<StoredFinding> previous = state == null ? List.of() : state.findings();
    FindingEmitter.Emission emission =
        emitter.emit(previous, evaluations, at, trigger, "no longer evaluated (its snapshots are gone)",
            names(account));
    emission.outputs().forEach(o -> context().forward(new Record<>(o.key(), o, at.toEpochMilli())));
    rechecks.reschedule(account, state == null ? null : state.recheckAt(), emission.recheckAt());
    if (emission.findings().isEmpty() && live.isEmpty()) {
      states.delete(account);
    } else {
      states.put(account, new ScopeState(emission.findings(), at, emission.recheckAt(),
          practices.catalogueHash()));
    }
  }

  /**
   * The name deltas carry: an account-scoped practice's finding may be about one of the account's
   * resources (a user, a trail), whose live item holds its name; the account itself has none.
   */
  private java.util.function.Function<io.compliancestreams.streams.practices.ResourceRef, String> names(
      String account) {
    return ref -> {
      ConfigurationItem item = items.get(account + "|" + ref.key());
      return item == null ? null : nameOf(item);
    };
  }

  /** A name worth showing beside the id: null when it is the id again (buckets, accounts). */
  static String nameOf(ConfigurationItem item) {
    String name = item.resourceName();
    return name == null || name.isBlank() || name.equals(item.resourceId()) ? null : name;
  }

  private void unmuteExpired(Instant now) {
    Instant from = lastPunctuation;
    lastPunctuation = now;
    List<SuppressionRule> expired = suppressions.expiredBetween(from, now);
    if (expired.isEmpty()) {
      return;
    }
    List<KeyValue<String, ScopeState>> updates = new ArrayList<>();
    try (KeyValueIterator<String, ScopeState> all = states.all()) {
      while (all.hasNext()) {
        KeyValue<String, ScopeState> entry = all.next();
        List<StoredFinding> findings = emitter.unmuteAll(entry.value.findings(), expired, from, now,
            o -> context().forward(new Record<>(o.key(), o, now.toEpochMilli())), names(entry.key));
        if (findings != null) {
          updates.add(KeyValue.pair(entry.key,
              new ScopeState(findings, entry.value.evaluatedAt(), entry.value.recheckAt(),
                  entry.value.catalogueHash())));
        }
      }
    }
    updates.forEach(u -> states.put(u.key, u.value));
  }

  private static String itemKey(String account, String resourceKey) {
    return account + "|" + resourceKey;
  }
}
