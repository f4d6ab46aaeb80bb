package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.findings.SuppressionRule;
import io.compliancestreams.streams.practices.ResourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads the global suppressions store: is this finding muted at that instant? */
final class Suppressions {

  private final ReadOnlyKeyValueStore<String, SuppressionRule> store;

  Suppressions(ReadOnlyKeyValueStore<String, SuppressionRule> store) {
    this.store = store;
  }

  boolean suppressed(String findingId, int practice, ResourceRef resource, Instant at) {
    try (KeyValueIterator<String, SuppressionRule> all = store.all()) {
      while (all.hasNext()) {
        if (all.next().value.matches(findingId, practice, resource, at)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The rules that expired in (from, to]. */
  List<SuppressionRule> expiredBetween(Instant from, Instant to) {
    List<SuppressionRule> expired = new ArrayList<>();
    try (KeyValueIterator<String, SuppressionRule> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, SuppressionRule> next = all.next();
        if (next.value.expiredBetween(from, to)) {
          expired.add(next.value);
        }
      }
    }
    return expired;
  }
}
