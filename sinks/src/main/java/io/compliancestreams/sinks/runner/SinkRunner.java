package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.AvroSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one destination as its own consumer group on the delta topic, at least once: the lifecycle
 * (start, the poll loop, close, wake-up, the metrics binding) over parts that each do one job —
 * {@link SinkClients} (the Kafka clients, built outside), {@link RecordHandler} (decode, filter,
 * dead-letter) with {@link RetryingDelivery} (retries, backoff, dead letter or stop), and
 * {@link OffsetLedger} (what is done, what may be committed).
 *
 * <p>Poll, then hand each record to the handler. After each batch, and on a wall-clock timer when
 * nothing arrives, the destination is flushed (retried until it works, so a destination that is down
 * holds its own group back and no other) and the offsets it reports durable are committed.
 *
 * <p>{@link #close()} (or {@link #start()}'s thread being woken) finishes the record in flight,
 * flushes everything, commits and leaves the group. The runner owns the destination and the
 * clients and closes them. The consumer's own metrics ({@code kafka.consumer.*}) are bound to the
 * registry while the loop runs.
 */
public final class SinkRunner implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
  /**
   * How often the consumer's metrics are re-read (Micrometer's default is 60 s): per-topic ones
   * appear after the first fetch, and under {@code run} they are the only ones shown, because the
   * streams' consumers already have per-topic meters of the same names and Micrometer keeps the
   * variant with more tags.
   */
  private static final Duration CLIENT_METRICS_REFRESH = Duration.ofSeconds(5);

  private final SinkSettings settings;
  private final Destination destination;
  private final Consumer<byte[], byte[]> consumer;
  private final DeadLetters deadLetters;
  private final MeterRegistry registry;
  private final SinkMetrics metrics;
  private final RetryingDelivery delivery;
  private final RecordHandler handler;
  private final OffsetLedger ledger = new OffsetLedger();
  private final Clock clock;

  private final CountDownLatch closeRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean closing;
  private volatile boolean halted;
  private volatile boolean started;
  private KafkaClientMetrics clientMetrics;
  private ScheduledExecutorService clientMetricsRefresh;
  private Instant lastFlush;

  public SinkRunner(SinkSettings settings, Destination destination, MeterRegistry registry) {
    this(settings, destination, registry, Clock.systemUTC(), null, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** For tests: a controllable clock, sleeper (null = real, woken by close) and jitter source. */
  SinkRunner(SinkSettings settings, Destination destination, MeterRegistry registry, Clock clock,
      Sleeper sleeper, DoubleSupplier jitter) {
    this(settings, destination, SinkClients.open(settings, destination.name()), registry, clock, sleeper, jitter);
  }

  /** Over clients built elsewhere; the runner owns and closes them from here on. */
  SinkRunner(SinkSettings settings, Destination destination, SinkClients clients, MeterRegistry registry,
      Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
    this.settings = settings;
    this.destination = destination;
    this.consumer = clients.consumer();
    this.deadLetters = clients.deadLetters();
    this.registry = registry;
    this.clock = clock;
    this.metrics = new SinkMetrics(registry, destination.name());
    this.delivery = new RetryingDelivery(destination, settings.retry(), new Backoff(settings.retry(), jitter),
        sleeper != null ? sleeper : this::sleepUntilClosed, metrics, clock, () -> closing || halted);
    this.handler = new RecordHandler(destination.name(), AvroSerdes.findingDelta(settings.serdeConfig()).deserializer(),
        settings.filter(), delivery, deadLetters, metrics);
  }

  /** Runs the loop on a new thread named {@code sink-<name>}. */
  public Thread start() {
    Thread thread = new Thread(this, "sink-" + destination.name());
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    started = true;
    lastFlush = clock.instant();
    try {
      bindClientMetrics();
      consumer.subscribe(List.of(settings.deltaTopic()), new Rebalance(destination, ledger, this::commit, () -> halted));
      loop();
      if (!halted) {
        shutdownGracefully();
      }
    } catch (org.apache.kafka.common.errors.AuthorizationException
        | org.apache.kafka.common.errors.AuthenticationException e) {
      // Kafka said no (an ACL or the login): a user's configuration, not a defect, so no trace;
      // the command turns it into its one line.
      LOG.error("sink {} stopped: Kafka refused it: {}", destination.name(), e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      LOG.error("sink {} stopped: {}", destination.name(), e.toString(), e);
      throw e;
    } finally {
      closeResources();
      finished.countDown();
    }
  }

  private void loop() {
    while (!closing && !halted) {
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = consumer.poll(settings.pollTimeout());
      } catch (WakeupException e) {
        return;
      }
      for (ConsumerRecord<byte[], byte[]> record : records) {
        if (closing || halted) {
          break;
        }
        handle(record);
      }
      if (halted) {
        return;
      }
      updateLag();
      boolean due = Duration.between(lastFlush, clock.instant()).compareTo(settings.flushInterval()) >= 0;
      if (!records.isEmpty() || due) {
        if (!flush() || halted) {
          return;
        }
        try {
          commit(consumer.assignment());
        } catch (WakeupException e) {
          return;
        }
      }
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    ledger.begin(tp, record.offset());
    if (handler.handle(record)) {
      ledger.done(tp, record.offset());
    } else {
      closing = true; // a stop (close, halt or an interrupt) cut the retries short
    }
  }

  private boolean flush() {
    if (delivery.flush()) {
      lastFlush = clock.instant();
      return true;
    }
    closing = true;
    return false;
  }

  /** Commits, for {@code partitions}, what is both handed over and durable at the destination. */
  private void commit(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> offered = ledger.handedOver(partitions);
    if (offered.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> safe = ledger.toCommit(offered, destination.durableOffsets(Map.copyOf(offered)));
    if (!safe.isEmpty()) {
      Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
      safe.forEach((tp, next) -> toCommit.put(tp, new OffsetAndMetadata(next)));
      consumer.commitSync(toCommit);
      ledger.committed(safe);
    }
  }

  private void updateLag() {
    long total = 0;
    for (TopicPartition tp : consumer.assignment()) {
      total += consumer.currentLag(tp).orElse(0L);
    }
    metrics.lag(total);
  }

  private void shutdownGracefully() {
    // Once more without the retry loop: closing is set, a failing destination keeps its records
    // uncommitted and they are consumed again by the next instance.
    try {
      destination.flush(true);
    } catch (DeliveryException | RuntimeException e) {
      LOG.warn("sink {}: final flush failed, uncommitted records will be consumed again: {}",
          destination.name(), e.getMessage());
    }
    for (int i = 0; i < 2; i++) {
      try {
        commit(consumer.assignment());
        return;
      } catch (WakeupException e) {
        // close() woke a poll that had already returned; the flag is consumed now, commit again.
      } catch (RuntimeException e) {
        LOG.warn("sink {}: final commit failed: {}", destination.name(), e.toString());
        return;
      }
    }
  }

  /** The consumer's fetch, coordinator and connection metrics, as {@code kafka_consumer_*} on /metrics. */
  private void bindClientMetrics() {
    clientMetricsRefresh = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "sink-" + destination.name() + "-metrics");
      thread.setDaemon(true);
      return thread;
    });
    clientMetrics = new KafkaClientMetrics(consumer, List.of(), clientMetricsRefresh, CLIENT_METRICS_REFRESH);
    clientMetrics.bindTo(registry);
  }

  private void closeResources() {
    if (clientMetrics != null) {
      clientMetrics.close();
      clientMetricsRefresh.shutdownNow();
    }
    try {
      consumer.close(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      LOG.warn("sink {}: closing the consumer: {}", destination.name(), e.toString());
    }
    deadLetters.close();
    if (!halted) {
      destination.close();
    }
  }

  /** True while the consume loop runs: started, not stopped or failed, not asked to stop (for /health). */
  public boolean running() {
    return started && !closing && !halted && finished.getCount() > 0;
  }

  /** Finishes the record in flight, flushes, commits, closes. Safe to call from any thread, twice. */
  @Override
  public void close() {
    closing = true;
    closeRequested.countDown();
    if (!started) {
      closeResources();
      return;
    }
    wakeUp();
    awaitFinished();
  }

  /**
   * Simulates a crash for tests: stops after the current record without flushing or committing,
   * and drops the destination without closing it.
   */
  void halt() {
    halted = true;
    closeRequested.countDown();
    wakeUp();
  }

  private void wakeUp() {
    try {
      consumer.wakeup();
    } catch (RuntimeException e) {
      // Already closed: nothing to wake.
    }
  }

  void awaitFinished() {
    try {
      if (!finished.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("sink {}: did not stop within {}", destination.name(), CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sleepUntilClosed(Duration wait) throws InterruptedException {
    closeRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }
}
