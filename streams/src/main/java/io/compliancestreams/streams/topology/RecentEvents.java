package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.findings.Attribution;
import io.compliancestreams.streams.findings.Attribution.Certainty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The most recent relevant CloudTrail event per key (a resource key, or an account for the
 * account aggregate), so a change that a snapshot reveals can name its probable cause.
 *
 * <p>Bounded twice: one entry per key (a later event replaces it), and entries whose event is
 * older than {@code window} before the task's stream time are deleted by {@link #purge}, so the
 * store holds only the keys that saw an event within the window. Both the note and the purge go
 * through the changelogged store, so they commit with the records that caused them (exactly once).
 */
final class RecentEvents {

  private final KeyValueStore<String, Attribution> store;
  private final Duration window;
  private final Duration purgeEvery;
  private long lastPurge = Long.MIN_VALUE;

  RecentEvents(KeyValueStore<String, Attribution> store, Duration window) {
    this.store = store;
    this.window = window;
    this.purgeEvery = window.compareTo(Duration.ofMinutes(1)) < 0 ? window : Duration.ofMinutes(1);
  }

  /** Remembers this event for the key unless a later one is already remembered. */
  void note(String key, Attribution actor) {
    Attribution last = store.get(key);
    if (last == null || !actor.eventTime().isBefore(last.eventTime())) {
      store.put(key, actor);
    }
  }

  /**
   * Who changed what a snapshot captured at {@code capturedAt} shows: the event whose rescan
   * fetched it (CERTAIN), else the most recent event within the window before the capture
   * (PROBABLE), else null.
   */
  Attribution forSnapshot(String key, Instant capturedAt, String rescanEventId) {
    Attribution last = store.get(key);
    if (last == null) {
      return null;
    }
    if (rescanEventId != null && rescanEventId.equals(last.eventId())) {
      return last.withCertainty(Certainty.CERTAIN);
    }
    boolean inWindow = !last.eventTime().isAfter(capturedAt)
        && !last.eventTime().isBefore(capturedAt.minus(window));
    return inWindow ? last.withCertainty(Certainty.PROBABLE) : null;
  }

  /**
   * Deletes entries older than the window before {@code streamTime}; does the work at most once
   * per minute of wall-clock time (or per window, when shorter).
   */
  void purge(long wallClockMs, long streamTime) {
    if (lastPurge != Long.MIN_VALUE && wallClockMs - lastPurge < purgeEvery.toMillis()) {
      return;
    }
    lastPurge = wallClockMs;
    Instant oldest = Instant.ofEpochMilli(streamTime).minus(window);
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Attribution> all = store.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.eventTime().isBefore(oldest)) {
          expired.add(kv.key);
        }
      });
    }
    expired.forEach(store::delete);
  }
}
