package io.compliancestreams.sinks.s3;

import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.sinks.runner.DeliveryException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
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
 * finding-id order. Each line says whether the snapshot is {@code complete} (taken after the streams
 * application caught up with its input, see {@link StreamsCatchUp}).
 */
final class PostureSnapshot {

  /** What one run wrote; {@code complete} is false when the streams application had not caught up. */
  record Result(String key, int findings, Instant snapshotAt, boolean complete) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FindingStateReader reader;
  private final Optional<StreamsCatchUp> catchUp;
  private final ObjectStore store;
  private final String prefix;
  private final Clock clock;

  PostureSnapshot(FindingStateReader reader, ObjectStore store, String prefix, Clock clock) {
    this(reader, Optional.empty(), store, prefix, clock);
  }

  /** With {@code catchUp}, a snapshot is complete only once the streams application has caught up. */
  PostureSnapshot(FindingStateReader reader, Optional<StreamsCatchUp> catchUp, ObjectStore store, String prefix,
      Clock clock) {
    this.reader = reader;
    this.catchUp = catchUp;
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

  /**
   * True when the object of the current UTC day is in the store and complete: its lines say
   * {@code "complete":true}. An object written before the streams application caught up, or by a
   * version that did not mark completeness, or with no line to say so, is to be taken again.
   */
  boolean completeToday() throws DeliveryException {
    Optional<byte[]> today = store.get(key(prefix, day(clock.instant())));
    if (today.isEmpty()) {
      return false;
    }
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(new ByteArrayInputStream(today.get())), StandardCharsets.UTF_8))) {
      String first = lines.readLine();
      return first != null && JSON.readTree(first).path("complete").asBoolean(false);
    } catch (IOException e) {
      return false; // unreadable: replace it
    }
  }

  /**
   * Takes the snapshot once the streams application has caught up with its input. While it lags,
   * nothing is written and the attempt fails (to be retried), unless {@code lastAttempt}: then the
   * posture as it is goes out marked incomplete, to be replaced by the next complete one that day.
   */
  Result take(boolean lastAttempt) throws DeliveryException {
    boolean complete = true;
    if (catchUp.isPresent()) {
      StreamsCatchUp.Lag lag;
      try {
        lag = catchUp.get().await();
      } catch (DeliveryException e) {
        if (!lastAttempt) {
          throw e;
        }
        lag = null;
      }
      complete = lag != null && lag.caughtUp();
      if (!complete && !lastAttempt) {
        throw DeliveryException.retryable("streams group " + catchUp.get().groupId() + " is " + lag.total()
            + " input records behind the end offsets taken at the start of this attempt", null);
      }
    }
    // The state is read after the catch-up: its end offsets then include everything that input produced.
    Instant snapshotAt = clock.instant();
    SortedMap<String, Finding> live = reader.read();
    String key = key(prefix, day(snapshotAt));
    store.put(key, gzip(live, snapshotAt, complete));
    return new Result(key, live.size(), snapshotAt, complete);
  }

  private static byte[] gzip(SortedMap<String, Finding> live, Instant snapshotAt, boolean complete) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (Finding f : live.values()) {
        gz.write(PostureLine.of(f, snapshotAt, complete));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
