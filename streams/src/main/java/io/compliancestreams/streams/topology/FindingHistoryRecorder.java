package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.streams.query.HistoryEntry;
import io.compliancestreams.streams.state.StateStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each finding's recent deltas for its page, read back from the delta topic (keyed by finding
 * id, so a finding's history lives in one partition and is found by its id). Bounded twice: at most
 * {@link #PER_FINDING} deltas per finding (the oldest is deleted as a new one arrives; sequences
 * rise by one) and none older than {@link #RETENTION} (an hourly wall-clock purge, which also
 * forgets findings closed long ago).
 */
final class FindingHistoryRecorder extends ContextualProcessor<String, FindingDelta, Void, Void> {

  static final int PER_FINDING = 100;
  static final Duration RETENTION = Duration.ofDays(90);


  private KeyValueStore<String, HistoryEntry> history;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    super.init(context);
    history = context.getStateStore(StateStores.FINDING_HISTORY);
    context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::purge);
  }

  @Override
  public void process(Record<String, FindingDelta> record) {
    FindingDelta delta = record.value();
    HistoryEntry entry = HistoryEntry.of(delta);
    history.put(StateStores.historyKey(entry.findingId(), entry.sequence()), entry);
    long dropped = entry.sequence() - PER_FINDING;
    if (dropped > 0) {
      history.delete(StateStores.historyKey(entry.findingId(), dropped));
    }
  }

  private void purge(long now) {
    long oldest = now - RETENTION.toMillis();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, HistoryEntry> all = history.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.evaluatedAt() != null && kv.value.evaluatedAt().toEpochMilli() < oldest) {
          expired.add(kv.key);
        }
      });
    }
    expired.forEach(history::delete);
  }
}
