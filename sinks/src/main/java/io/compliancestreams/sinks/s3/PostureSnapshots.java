package io.compliancestreams.sinks.s3;

import io.compliancestreams.sinks.runner.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link PostureSnapshot} on one daemon thread: at start when today's object is missing
 * or incomplete, then every day at the configured UTC time. A run waits for the streams application
 * to catch up with its input; while it lags the attempt fails and is retried, and the last attempt
 * writes the posture marked incomplete. A failed run (Kafka or S3 unreachable) is retried
 * with backoff on the same thread and logged in one line; after the last attempt the day is
 * skipped. Nothing here ever throws into the sink.
 *
 * <p>Meters: {@code compliance.sink.posture.findings} (findings in the last snapshot, gauge),
 * {@code compliance.sink.posture.written} (findings written, counter) and
 * {@code compliance.sink.posture.failed} (failed attempts, counter).
 */
final class PostureSnapshots implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PostureSnapshots.class);

  private final PostureSnapshot job;
  private final PostureSchedule schedule;
  private final int maxAttempts;
  private final Backoff backoff;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong lastFindings = new AtomicLong();
  private final Counter written;
  private final Counter failed;

  PostureSnapshots(PostureSnapshot job, PostureSnapshotSettings settings, Clock clock, MeterRegistry meters) {
    this.job = job;
    this.schedule = new PostureSchedule(settings.time());
    this.maxAttempts = settings.retry().maxAttempts();
    this.backoff = new Backoff(settings.retry(), () -> ThreadLocalRandom.current().nextDouble());
    this.clock = clock;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "posture-snapshot");
      t.setDaemon(true);
      return t;
    });
    Gauge.builder("compliance.sink.posture.findings", lastFindings, AtomicLong::get)
        .description("Live findings in the last posture snapshot").tag("sink", S3AuditTrailDestination.NAME)
        .register(meters);
    written = Counter.builder("compliance.sink.posture.written").description("Findings written to posture snapshots")
        .tag("sink", S3AuditTrailDestination.NAME).register(meters);
    failed = Counter.builder("compliance.sink.posture.failed").description("Failed posture snapshot attempts")
        .tag("sink", S3AuditTrailDestination.NAME).register(meters);
  }

  /** Starts the schedule; later calls do nothing. */
  void start() {
    if (started.compareAndSet(false, true)) {
      later(() -> attempt(1, true), Duration.ZERO);
      scheduleAfter(clock.instant());
    }
  }

  /** Schedules the daily run that follows {@code previous} (the run that just fired, or the start). */
  private void scheduleAfter(Instant previous) {
    Instant now = clock.instant();
    Instant due = schedule.after(previous, now);
    later(() -> {
      attempt(1, false);
      scheduleAfter(due);
    }, Duration.between(now, due));
  }

  private void later(Runnable task, Duration wait) {
    try {
      executor.schedule(task, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile: the sink is stopping
    }
  }

  /** One attempt; on failure, the next one is scheduled after a backoff. */
  private void attempt(int attempt, boolean onlyIfMissing) {
    try {
      if (onlyIfMissing && job.completeToday()) {
        LOG.info("posture snapshot: today's object exists, next run at {}", schedule.nextAfter(clock.instant()));
        return;
      }
      PostureSnapshot.Result result = job.take(attempt >= maxAttempts);
      lastFindings.set(result.findings());
      written.increment(result.findings());
      if (result.complete()) {
        LOG.info("posture snapshot: {} findings written to {}", result.findings(), result.key());
      } else {
        LOG.warn("posture snapshot: streams had not caught up after {} attempts; {} findings written to {}"
            + " marked incomplete, replaced by the next complete snapshot today", attempt, result.findings(),
            result.key());
        later(() -> attempt(1, true), backoff.delay(maxAttempts)); // a new round, until one is complete
      }
    } catch (Exception e) { // never let a failure end the schedule
      if (executor.isShutdown()) {
        return; // interrupted by close()
      }
      failed.increment();
      if (attempt < maxAttempts) {
        Duration wait = backoff.delay(attempt);
        LOG.warn("posture snapshot attempt {}/{} failed, retrying in {} s: {}", attempt, maxAttempts,
            wait.toSeconds(), e.getMessage());
        later(() -> attempt(attempt + 1, onlyIfMissing), wait);
      } else {
        LOG.warn("posture snapshot attempt {}/{} failed, giving up until {}: {}", attempt, maxAttempts,
            schedule.nextAfter(clock.instant()), e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
