package io.compliancestreams.streams.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Counts stream-thread replacements and calls an instance unhealthy while they come too often.
 * Replacing a failed thread keeps the instance up after a one-off fault, but a record that fails
 * every time makes the thread die, come back and die again while {@code KafkaStreams} reports
 * RUNNING most of the time (issue 17.2: 10 replacements in 7 minutes, {@code /health} 200). With
 * {@link #THRESHOLD} replacements within {@link #WINDOW} the instance reports the problem; it is
 * healthy again once the window holds fewer.
 */
public final class ThreadReplacements {

  /** Replacements within {@link #WINDOW} that make the instance unhealthy. */
  public static final int THRESHOLD = 3;

  /** How far back replacements count. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final String name;
  private final Clock clock;
  private final Deque<Instant> recent = new ArrayDeque<>();
  private long total;
  private String lastCause;

  /** @param name what the threads belong to, as the problem names it ("stream", "suppression audit") */
  public ThreadReplacements(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  /** Records one replacement caused by {@code failure}. */
  public synchronized void record(Throwable failure) {
    recent.addLast(clock.instant());
    total++;
    lastCause = rootCause(failure).getClass().getName();
    forgetOld();
  }

  /** Why the instance is unhealthy, or empty while replacements stay below the threshold. */
  public synchronized Optional<String> problem() {
    forgetOld();
    if (recent.size() < THRESHOLD) {
      return Optional.empty();
    }
    return Optional.of(name + " thread replaced " + recent.size() + " times in the last "
        + WINDOW.toMinutes() + " min: " + lastCause);
  }

  /** Every replacement since start (the metric). */
  public synchronized long total() {
    return total;
  }

  private void forgetOld() {
    Instant oldest = clock.instant().minus(WINDOW);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldest)) {
      recent.removeFirst();
    }
  }

  /** The innermost cause: Kafka Streams wraps what failed in one or two StreamsExceptions. */
  private static Throwable rootCause(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
