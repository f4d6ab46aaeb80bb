package io.compliancestreams.sinks.s3;

import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SortedMap;
import java.util.zip.GZIPOutputStream;

/**
 * One full-posture snapshot: every live finding of the state topic as a JSON line
 * ({@link PostureLine}) in one gzip object {@code <prefix>/posture/dt=YYYY-MM-DD/posture.jsonl.gz},
 * dated by the snapshot's UTC day. The name depends only on the day, so there is at most one object
 * per day and a second run on the same day overwrites it with the newer posture; the lines are in
 * finding-id order.
 */
final class PostureSnapshot {

  /** What one run wrote. */
  record Result(String key, int findings, Instant snapshotAt) {}

  private final FindingStateReader reader;
  private final ObjectStore store;
  private final String prefix;
  private final Clock clock;

  PostureSnapshot(FindingStateReader reader, ObjectStore store, String prefix, Clock clock) {
    this.reader = reader;
    this.store = store;
    this.prefix = prefix;
    this.clock = clock;
  }

  /** {@code <prefix>/posture/dt=YYYY-MM-DD/posture.jsonl.gz} */
  static String key(String prefix, LocalDate day) {
    return (prefix.isEmpty() ? "" : prefix + "/") + "posture/dt=" + day + "/posture.jsonl.gz";
  }

  static LocalDate day(Instant time) {
    return time.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** True when the object of the current UTC day is already in the store. */
  boolean existsToday() throws DeliveryException {
    String key = key(prefix, day(clock.instant()));
    return store.list(key).contains(key);
  }

  Result take() throws DeliveryException {
    Instant snapshotAt = clock.instant();
    SortedMap<String, Finding> live = reader.read();
    String key = key(prefix, day(snapshotAt));
    store.put(key, gzip(live, snapshotAt));
    return new Result(key, live.size(), snapshotAt);
  }

  private static byte[] gzip(SortedMap<String, Finding> live, Instant snapshotAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (Finding f : live.values()) {
        gz.write(PostureLine.of(f, snapshotAt));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
