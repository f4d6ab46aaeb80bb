package io.compliancestreams.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A deadline index over a key-value store: {@code <19-digit epoch millis>|<key>}. Ordered by time,
 * so finding what is due is a range scan that touches only due entries.
 */
final class RecheckIndex {

  private final KeyValueStore<String, String> store;

  RecheckIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  /** Moves {@code key}'s deadline from {@code previous} to {@code next} (either may be null). */
  void reschedule(String key, Instant previous, Instant next) {
    if (previous != null && previous.equals(next)) {
      return;
    }
    if (previous != null) {
      store.delete(entry(previous, key));
    }
    if (next != null) {
      store.put(entry(next, key), "");
    }
  }

  /** The keys due at or before {@code now}, removed from the index. */
  List<String> takeDue(Instant now) {
    List<String> due = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    String upper = String.format("%019d|\uffff", now.toEpochMilli());
    try (KeyValueIterator<String, String> it = store.range(String.format("%019d|", 0L), upper)) {
      while (it.hasNext()) {
        KeyValue<String, String> next = it.next();
        entries.add(next.key);
        due.add(next.key.substring(20));
      }
    }
    entries.forEach(store::delete);
    return due;
  }

  private static String entry(Instant at, String key) {
    return String.format("%019d|%s", Math.max(0, at.toEpochMilli()), key);
  }
}
