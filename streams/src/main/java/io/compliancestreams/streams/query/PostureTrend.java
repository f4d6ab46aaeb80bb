package io.compliancestreams.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the instances' shares of the trend into the posture-over-time series (pure). The series is
 * anchored on the live count: its last point (the bucket holding {@code now}) is the failing count
 * /api/posture shows, and each earlier point is that count minus the net changes the deltas
 * recorded after the point's bucket ended. So what changed without a delta (a suppression added or
 * removed by hand) shifts the whole window rather than jumping at its end; and a failure older than
 * the recorded deltas is counted throughout.
 */
public final class PostureTrend {

  /** The longest span asked for: the trend store keeps 30 days of minutes. */
  public static final int MAX_HOURS = 720;

  /** The series: bucket size (ISO-8601) and one point per bucket, oldest first. */
  public record Series(String bucket, List<Point> points) {}

  /** The failing (FAIL, not suppressed) counts per severity and the ERROR count at the end of a bucket. */
  public record Point(Instant at, Map<String, Long> failing, long errors) {}

  private PostureTrend() {}

  /** PT1M up to 6 h, PT5M up to 48 h, PT1H beyond: at most 720 points. */
  public static Duration bucketFor(int hours) {
    if (hours < 1 || hours > MAX_HOURS) {
      throw new IllegalArgumentException("hours must be 1-" + MAX_HOURS + ", got " + hours);
    }
    return hours <= 6 ? Duration.ofMinutes(1) : hours <= 48 ? Duration.ofMinutes(5) : Duration.ofHours(1);
  }

  /** The first minute whose changes the series needs: the end of its first bucket. */
  public static Instant changesFrom(Instant now, int hours) {
    long size = bucketFor(hours).toMillis();
    return Instant.ofEpochMilli(firstBucket(now, hours, size) + size);
  }

  public static Series series(Collection<LocalTrend> parts, Instant now, int hours) {
    Duration bucket = bucketFor(hours);
    long size = bucket.toMillis();
    TrendCounts live = TrendCounts.ZERO;
    TreeMap<Long, TrendCounts> minutes = new TreeMap<>();
    for (LocalTrend part : parts) {
      live = live.plus(part.live());
      part.minutes().forEach((minute, change) -> minutes.merge(minute, change, TrendCounts::plus));
    }
    long first = firstBucket(now, hours, size);
    int count = (int) (hours * Duration.ofHours(1).toMillis() / size);
    List<Point> reversed = new ArrayList<>(count);
    TrendCounts at = live;
    // Walk back from the live count: a bucket's value is the next one's minus the changes in the next.
    Map<Long, TrendCounts> after = minutes.tailMap(first + (long) count * size, true);
    for (TrendCounts change : after.values()) {
      at = at.minus(change);
    }
    for (int i = count - 1; i >= 0; i--) {
      long start = first + i * size;
      reversed.add(new Point(Instant.ofEpochMilli(start), at.failing(), at.errors()));
      for (TrendCounts change : minutes.subMap(start, true, start + size, false).values()) {
        at = at.minus(change);
      }
    }
    java.util.Collections.reverse(reversed);
    return new Series(bucket.toString(), reversed);
  }

  private static long firstBucket(Instant now, int hours, long size) {
    long current = Math.floorDiv(now.toEpochMilli(), size) * size;
    long count = hours * Duration.ofHours(1).toMillis() / size;
    return current - (count - 1) * size;
  }
}
