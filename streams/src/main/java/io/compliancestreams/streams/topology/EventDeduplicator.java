package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.state.StateStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Drops CloudTrail events already processed (SQS and EventBridge deliver at least once; a replayed
 * log file repeats them). Duplicates share the record key (account/region), so they meet here.
 * Ids are remembered for {@code window} of event time, then purged by a wall-clock punctuation.
 */
final class EventDeduplicator extends ContextualFixedKeyProcessor<String, TrailEvent, TrailEvent> {

  private final Duration window;
  private KeyValueStore<String, Long> seen;

  EventDeduplicator(Duration window) {
    this.window = window;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TrailEvent> context) {
    super.init(context);
    seen = context.getStateStore(StateStores.SEEN_EVENTS);
    Duration purgeEvery = window.compareTo(Duration.ofHours(1)) < 0 ? window : Duration.ofHours(1);
    context.schedule(purgeEvery, PunctuationType.WALL_CLOCK_TIME, this::purge);
  }

  @Override
  public void process(FixedKeyRecord<String, TrailEvent> record) {
    String id = record.value().eventId();
    if (id != null) {
      if (seen.get(id) != null) {
        return;
      }
      seen.put(id, record.value().eventTime().toEpochMilli());
    }
    context().forward(record);
  }

  private void purge(long now) {
    long oldest = now - window.toMillis();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = seen.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value < oldest) {
          expired.add(kv.key);
        }
      });
    }
    expired.forEach(seen::delete);
  }
}
