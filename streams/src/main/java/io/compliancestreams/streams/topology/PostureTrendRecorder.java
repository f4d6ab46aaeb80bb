package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.streams.query.TrendCounts;
import io.compliancestreams.streams.state.StateStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts, per minute, the net change of failing findings (FAIL and not suppressed, per severity)
 * and of errors (ERROR and not suppressed), from the deltas read back from the delta topic; the
 * query API turns them into the posture-over-time series. A finding counts as what its latest
 * delta says; the members store remembers what each finding counts as now, so every delta moves
 * the counts by exactly the difference (a suppression that expires re-emits the finding's status
 * unmuted, and it counts again). Minute buckets older than {@link #RETENTION} are purged hourly
 * (wall clock); the members are not. The query API anchors the series on the live count and walks
 * back through these changes (docs/streams.md, "Posture over time").
 */
final class PostureTrendRecorder extends ContextualProcessor<String, FindingDelta, Void, Void> {

  static final Duration RETENTION = Duration.ofDays(30);
  static final long MINUTE = Duration.ofMinutes(1).toMillis();


  private KeyValueStore<String, TrendCounts> counts;
  private KeyValueStore<String, String> members;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    super.init(context);
    counts = context.getStateStore(StateStores.POSTURE_TREND);
    members = context.getStateStore(StateStores.POSTURE_TREND_MEMBERS);
    context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::purge);
  }

  @Override
  public void process(Record<String, FindingDelta> record) {
    FindingDelta delta = record.value();
    String now = TrendCounts.categoryOf(delta.getNewStatus() == null ? null : delta.getNewStatus().name(),
        delta.getSeverity().name(), delta.getSuppressed());
    String before = members.get(delta.getFindingId());
    if (Objects.equals(before, now)) {
      return;
    }
    TrendCounts change = TrendCounts.one(now).minus(TrendCounts.one(before));
    long minute = Math.floorDiv(delta.getEvaluatedAt().toEpochMilli(), MINUTE) * MINUTE;
    String key = StateStores.trendBucketKey(minute);
    TrendCounts old = counts.get(key);
    counts.put(key, (old == null ? TrendCounts.ZERO : old).plus(change));
    if (now == null) {
      members.delete(delta.getFindingId());
    } else {
      members.put(delta.getFindingId(), now);
    }
  }

  private void purge(long now) {
    long oldest = now - RETENTION.toMillis();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, TrendCounts> old = counts.range(StateStores.trendBucketKey(0),
        StateStores.trendBucketKey(Math.max(0, oldest - 1)))) {
      old.forEachRemaining(kv -> expired.add(kv.key));
    }
    expired.forEach(counts::delete);
  }
}
