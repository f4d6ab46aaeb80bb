package io.compliancestreams.ingest.rescan;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the full scan every {@code interval} (default 6 hours), the first one after
 * {@code initialDelay}. Events are best-effort; this is what makes the state converge anyway. A
 * fixed delay (not rate) so a slow scan never overlaps the next; a failed scan is logged and the
 * schedule goes on.
 */
public final class ResyncScheduler implements AutoCloseable {

  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);
  private static final Logger LOG = LoggerFactory.getLogger(ResyncScheduler.class);

  private final Runnable fullScan;
  private final Duration interval;
  private final Duration initialDelay;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "resync-scheduler");
    t.setDaemon(true);
    return t;
  });

  public ResyncScheduler(Runnable fullScan, Duration interval, Duration initialDelay) {
    this.fullScan = Objects.requireNonNull(fullScan, "fullScan");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
  }

  /** Every 6 hours, the first scan at once. */
  public static ResyncScheduler withDefaults(Runnable fullScan) {
    return new ResyncScheduler(fullScan, DEFAULT_INTERVAL, Duration.ZERO);
  }

  public void start() {
    executor.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      fullScan.run();
    } catch (RuntimeException e) {
      LOG.error("Full resync failed; next one in {}", interval, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
