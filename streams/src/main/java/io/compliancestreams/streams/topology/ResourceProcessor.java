package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.findings.Attribution;
import io.compliancestreams.streams.findings.StoredFinding;
import io.compliancestreams.streams.findings.SuppressionRule;
import io.compliancestreams.streams.findings.Trigger;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.state.ResourceState;
import io.compliancestreams.streams.state.StateStores;
import io.compliancestreams.streams.state.StoredResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-resource stateful step: load the stored item and findings, evaluate the resource-scoped
 * practices on the new item (a snapshot, or the stored item patched by a decisive CloudTrail call),
 * diff, store, and forward only changes. A wall-clock punctuation re-evaluates resources whose
 * status may change with time alone, exactly at their deadline. A snapshot the decoder found
 * unchanged (a touch) only advances the stored capture time: no JSON, no evaluation, no output.
 */
final class ResourceProcessor extends ContextualProcessor<String, Change, String, Output> {

  private final PracticeIndex practices;
  private final Patcher patches;
  private final Duration recheckPoll;
  private final Duration attributionWindow;
  private PracticeEngine engine;
  private RecentEvents recentEvents;
  private KeyValueStore<String, StoredResource> states;
  private RecheckIndex rechecks;
  private FindingEmitter emitter;
  private Suppressions suppressions;
  private Instant lastPunctuation;

  ResourceProcessor(PracticeIndex practices, Patcher patches, Duration recheckPoll,
      Duration attributionWindow) {
    this.practices = practices;
    this.patches = patches;
    this.recheckPoll = recheckPoll;
    this.attributionWindow = attributionWindow;
  }

  @Override
  public void init(ProcessorContext<String, Output> context) {
    super.init(context);
    engine = practices.resourceEngine(p -> TimedPractice.timed(p, context.metrics()));
    states = context.getStateStore(StateStores.RESOURCE_STATE);
    rechecks = new RecheckIndex(context.getStateStore(StateStores.RESOURCE_RECHECKS));
    recentEvents = new RecentEvents(context.getStateStore(StateStores.RECENT_EVENTS), attributionWindow);
    suppressions = new Suppressions(readOnly(context.getStateStore(StateStores.SUPPRESSIONS)));
    emitter = new FindingEmitter(practices.metadataLookup(), suppressions);
    lastPunctuation = Instant.ofEpochMilli(context.currentSystemTimeMs());
    context.schedule(recheckPoll, PunctuationType.WALL_CLOCK_TIME,
        ts -> onWallClock(Instant.ofEpochMilli(ts)));
  }

  @Override
  public void process(Record<String, Change> record) {
    Change change = record.value();
    if (change.touchOnly()) {
      onTouch(record.key(), change.touch());
      return;
    }
    StoredResource stored = states.get(record.key());
    ResourceState state = stored == null ? null : stored.state();
    Instant recordTime = Instant.ofEpochMilli(record.timestamp());
    if (change.isSnapshot()) {
      onSnapshot(record.key(), state, change, recordTime);
      return;
    }
    recentEvents.note(record.key(), Attributions.of(change.event(), Attribution.Certainty.PROBABLE));
    if (!change.noteOnly()) {
      onEvent(record.key(), state, change.event(), recordTime);
    }
  }

  /**
   * The capture time must advance even though nothing else does: a reordered older snapshot with
   * other content, arriving after this one, must still be found older than the stored one.
   */
  private void onTouch(String key, Change.Touch touch) {
    StoredResource stored = states.get(key);
    if (stored == null || !Ordering.isOlder(stored.captureTime(), stored.configurationStateId(),
        touch.captureTime(), touch.configurationStateId())) {
      return; // gone, older or the same snapshot again (a replay): nothing to move
    }
    states.put(key, stored.touched(touch.captureTime(), touch.configurationStateId()));
  }

  private void onSnapshot(String key, ResourceState state, Change change, Instant time) {
    ConfigurationItem item = change.item();
    if (state != null && Ordering.isOlder(item, state.item())) {
      return; // a reordered or replayed older snapshot never rolls the state back
    }
    Instant captured = item.captureTime() != null ? item.captureTime() : time;
    Attribution cause = recentEvents.forSnapshot(key, captured, change.rescanEventId());
    evaluate(key, state, item, instant(state, time),
        Trigger.snapshot(item.configurationStateId()).withAttribution(cause), change.contentHash());
  }

  private void onEvent(String key, ResourceState state, TrailEvent event, Instant time) {
    if (state == null) {
      return; // nothing known yet: the rescan requested for this event will bring the resource
    }
    patches.apply(state.item(), event)
        .filter(patched -> !Ordering.isOlder(patched, state.item()))
        .ifPresent(patched -> evaluate(key, state, patched, instant(state, time),
            Trigger.event(Attributions.of(event, Attribution.Certainty.CERTAIN)),
            StoredResource.UNKNOWN)); // a patched item is no snapshot: the next one is evaluated
  }

  private void evaluate(String key, ResourceState state, ConfigurationItem item, Instant at,
      Trigger trigger, long contentHash) {
    boolean deleted = item.status().isDeleted();
    List<Evaluation> evaluations = deleted
        ? List.of()
        : engine.evaluate(List.of(item), at);
    List<StoredFinding> previous = state == null ? List.of() : state.findings();
    FindingEmitter.Emission emission = emitter.emit(previous, evaluations, at, trigger,
        deleted ? "resource deleted (" + item.status() + ")" : "no longer evaluated",
        names(deleted && state != null ? state.item() : item));
    emission.outputs().forEach(o -> forward(o.key(), o, at));
    aliases(state == null ? null : state.item(), item).forEach(o -> forward(o.alias(), o, at));
    rechecks.reschedule(key, state == null ? null : state.recheckAt(),
        deleted ? null : emission.recheckAt());
    if (deleted) {
      states.delete(key);
    } else {
      states.put(key, StoredResource.of(
          new ResourceState(item, emission.findings(), at, emission.recheckAt()),
          contentHash, practices.catalogueHash()));
    }
  }

  private void onWallClock(Instant now) {
    for (String key : rechecks.takeDue(now)) {
      StoredResource stored = states.get(key);
      if (stored != null) {
        ResourceState state = stored.state();
        Instant at = state.evaluatedAt() != null && state.evaluatedAt().isAfter(now) ? state.evaluatedAt() : now;
        evaluate(key, state, state.item(), at, Trigger.timer(), stored.contentHash());
      }
    }
    unmuteExpired(now);
    recentEvents.purge(now.toEpochMilli(), context().currentStreamTimeMs());
  }

  /** Re-emits the current status of findings whose suppression expired since the last tick. */
  private void unmuteExpired(Instant now) {
    Instant from = lastPunctuation;
    lastPunctuation = now;
    List<SuppressionRule> expired = suppressions.expiredBetween(from, now);
    if (expired.isEmpty()) {
      return;
    }
    List<KeyValue<String, StoredResource>> updates = new ArrayList<>();
    try (KeyValueIterator<String, StoredResource> all = states.all()) {
      while (all.hasNext()) {
        KeyValue<String, StoredResource> entry = all.next();
        ResourceState s = entry.value.state();
        List<StoredFinding> findings = emitter.unmuteAll(s.findings(), expired, from, now,
            o -> forward(o.key(), o, now), names(s.item()));
        if (findings != null) {
          updates.add(KeyValue.pair(entry.key, StoredResource.of(
              new ResourceState(s.item(), findings, s.evaluatedAt(), s.recheckAt()),
              entry.value.contentHash(), entry.value.catalogueHash())));
        }
      }
    }
    updates.forEach(u -> states.put(u.key, u.value));
  }

  /**
   * The name deltas carry: the item's own, for its findings (a deleted resource's snapshot may
   * lack it, so the caller passes the last known item).
   */
  static java.util.function.Function<io.compliancestreams.streams.practices.ResourceRef, String> names(
      ConfigurationItem item) {
    return ref -> item != null && ref.key().equals(item.key()) ? ScopeProcessor.nameOf(item) : null;
  }

  /** Aliases (name, ARN) of a new or renamed resource, tombstones for a deleted one. */
  private static List<Output.AliasOut> aliases(ConfigurationItem before, ConfigurationItem after) {
    List<Output.AliasOut> out = new ArrayList<>();
    boolean deleted = after.status().isDeleted();
    for (String alias : List.of(nonNull(after.resourceName()), nonNull(after.arn()))) {
      if (alias.isEmpty()) {
        continue; // an id equal to its name or ARN still gets an alias: events resolve uniformly
      }
      boolean known = before != null
          && (alias.equals(before.resourceName()) || alias.equals(before.arn()));
      if (deleted || !known) {
        out.add(new Output.AliasOut(Aliases.key(after.accountId(), after.resourceType(), alias),
            deleted ? null : after.key()));
      }
    }
    return out;
  }

  private static String nonNull(String s) {
    return Objects.requireNonNullElse(s, "");
  }

  private static Instant instant(ResourceState state, Instant recordTime) {
    // Evaluation time never goes backwards for a resource, so a late record cannot undo a
    // time-based change already reported.
    if (state != null && state.evaluatedAt() != null && state.evaluatedAt().isAfter(recordTime)) {
      return state.evaluatedAt();
    }
    return recordTime;
  }

  private void forward(String key, Output output, Instant at) {
    context().forward(new Record<>(key, output, at.toEpochMilli()));
  }

  static <K, V> org.apache.kafka.streams.state.ReadOnlyKeyValueStore<K, V> readOnly(Object store) {
    @SuppressWarnings("unchecked")
    var typed = (org.apache.kafka.streams.state.ReadOnlyKeyValueStore<K, V>) store;
    return typed;
  }
}
