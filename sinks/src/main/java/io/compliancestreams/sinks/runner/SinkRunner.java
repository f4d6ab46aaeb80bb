package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one destination as its own consumer group on the delta topic, at least once.
 *
 * <p>Poll, then for each record: decode (an undecodable record goes to the DLQ), filter (a skipped
 * record counts as handled), deliver with retries (exponential backoff with full jitter, or the
 * destination's Retry-After), and after {@code maxAttempts} or a permanent failure write the
 * record to the DLQ and go on. After each batch, and on a wall-clock timer when nothing arrives,
 * the destination is flushed and the offsets it reports durable are committed. A flush is retried
 * until it succeeds (there is no record to dead-letter), so a destination that is down holds its
 * own group back and no other.
 *
 * <p>{@link #close()} (or {@link #start()}'s thread being woken) finishes the record in flight,
 * flushes everything, commits and leaves the group. The runner owns the destination and closes it.
 */
public final class SinkRunner implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

  private final SinkSettings settings;
  private final Destination destination;
  private final Consumer<byte[], byte[]> consumer;
  private final DeadLetters deadLetters;
  private final Deserializer<FindingDelta> deltas;
  private final SinkMetrics metrics;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;

  /** Next offset per partition that this runner is done with (delivered, skipped or dead-lettered). */
  private final Map<TopicPartition, Long> handedOver = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final CountDownLatch closeRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean closing;
  private volatile boolean halted;
  private volatile boolean started;
  private Instant lastFlush;

  public SinkRunner(SinkSettings settings, Destination destination, MeterRegistry registry) {
    this(settings, destination, registry, Clock.systemUTC(), null, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** For tests: a controllable clock, sleeper (null = real, woken by close) and jitter source. */
  SinkRunner(SinkSettings settings, Destination destination, MeterRegistry registry, Clock clock,
      Sleeper sleeper, DoubleSupplier jitter) {
    this.settings = settings;
    this.destination = destination;
    this.clock = clock;
    this.sleeper = sleeper != null ? sleeper : this::sleepUntilClosed;
    this.backoff = new Backoff(settings.retry(), jitter);
    this.metrics = new SinkMetrics(registry, destination.name());
    this.deltas = AvroSerdes.findingDelta(settings.serdeConfig()).deserializer();
    String dlqTopic = settings.deadLetterTopic(destination.name());
    try (Admin admin = Admin.create(clientProps(settings.kafka().admin(), Map.of()))) {
      DeadLetters.ensureTopic(admin, dlqTopic);
    }
    this.deadLetters = new DeadLetters(dlqTopic, new KafkaProducer<>(clientProps(settings.kafka().producer(), Map.of(
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-dlq")),
        new ByteArraySerializer(), new ByteArraySerializer()));
    this.consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
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
      consumer.subscribe(List.of(settings.deltaTopic()), new Rebalance());
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
        if (!flushWithRetry(false) || halted) {
          return;
        }
        try {
          commitDurable();
        } catch (WakeupException e) {
          return;
        }
      }
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> raw) {
    TopicPartition tp = new TopicPartition(raw.topic(), raw.partition());
    if (raw.value() == null) {
      // A tombstone carries no delta: nothing to deliver, nothing to keep.
      markHandled(tp, raw.offset());
      return;
    }
    FindingDelta delta;
    try {
      delta = deltas.deserialize(raw.topic(), raw.headers(), raw.value());
    } catch (RuntimeException e) {
      LOG.warn("sink {}: undecodable record {}-{}@{}: {}", destination.name(), raw.topic(), raw.partition(),
          raw.offset(), e.getMessage());
      deadLetter(raw, e.getMessage(), 0, e.getClass().getName());
      markHandled(tp, raw.offset());
      return;
    }
    if (!settings.filter().accept(delta)) {
      metrics.skipped.increment();
      markHandled(tp, raw.offset());
      return;
    }
    String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
    if (deliverWithRetry(raw, new SinkRecord(raw.topic(), raw.partition(), raw.offset(), key, delta))) {
      markHandled(tp, raw.offset());
    }
  }

  /** True when the record is done with (delivered or dead-lettered); false when closing cut it short. */
  private boolean deliverWithRetry(ConsumerRecord<byte[], byte[]> raw, SinkRecord record) {
    int maxAttempts = settings.retry().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      try {
        destination.deliver(record);
        metrics.delivered.increment();
        metrics.latency(Duration.between(record.delta().getEvaluatedAt(), clock.instant()));
        return true;
      } catch (DeliveryException e) {
        metrics.failed.increment();
        if (!e.retryable() || attempt >= maxAttempts) {
          LOG.warn("sink {}: giving up on {}-{}@{} after {} attempt(s): {}", destination.name(), raw.topic(),
              raw.partition(), raw.offset(), attempt, e.getMessage());
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          deadLetter(raw, e.getMessage(), attempt, cause.getClass().getName());
          return true;
        }
        if (!waitBeforeRetry(e, attempt)) {
          return false;
        }
      } catch (RuntimeException e) {
        // A bug or an unexpected client error in the destination: the record cannot be delivered as is.
        metrics.failed.increment();
        LOG.warn("sink {}: destination threw on {}-{}@{}", destination.name(), raw.topic(), raw.partition(),
            raw.offset(), e);
        deadLetter(raw, String.valueOf(e.getMessage()), attempt, e.getClass().getName());
        return true;
      }
    }
  }

  /** Flushes, retrying until it works; false when closing or halting stopped the retries. */
  private boolean flushWithRetry(boolean force) {
    for (int attempt = 1; ; attempt++) {
      try {
        destination.flush(force);
        lastFlush = clock.instant();
        return true;
      } catch (DeliveryException e) {
        metrics.failed.increment();
        LOG.warn("sink {}: flush attempt {} failed: {}", destination.name(), attempt, e.getMessage());
        if (!waitBeforeRetry(e, attempt)) {
          return false;
        }
      }
    }
  }

  private boolean waitBeforeRetry(DeliveryException e, int attempt) {
    if (closing || halted) {
      return false;
    }
    metrics.retried.increment();
    Duration wait = e.retryAfter().orElseGet(() -> backoff.delay(attempt));
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      closing = true;
      return false;
    }
    return !(closing || halted);
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> raw, String reason, int attempts, String exceptionClass) {
    deadLetters.send(raw, reason, attempts, exceptionClass);
    metrics.deadLettered.increment();
  }

  private void markHandled(TopicPartition tp, long offset) {
    handedOver.put(tp, offset + 1);
  }

  private void commitDurable() {
    commit(consumer.assignment());
  }

  private void commit(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> offered = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long next = handedOver.get(tp);
      if (next != null) {
        offered.put(tp, next);
      }
    }
    if (offered.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    destination.durableOffsets(Map.copyOf(offered)).forEach((tp, next) -> {
      Long handed = offered.get(tp);
      if (handed == null) {
        return;
      }
      long durable = Math.min(next, handed);
      if (durable > committed.getOrDefault(tp, -1L)) {
        toCommit.put(tp, new OffsetAndMetadata(durable));
      }
    });
    if (!toCommit.isEmpty()) {
      consumer.commitSync(toCommit);
      toCommit.forEach((tp, o) -> committed.put(tp, o.offset()));
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
        commitDurable();
        return;
      } catch (WakeupException e) {
        // close() woke a poll that had already returned; the flag is consumed now, commit again.
      } catch (RuntimeException e) {
        LOG.warn("sink {}: final commit failed: {}", destination.name(), e.toString());
        return;
      }
    }
  }

  private void closeResources() {
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

  private Map<String, Object> consumerProps() {
    Map<String, Object> props = clientProps(settings.kafka().consumer(), Map.of());
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId());
    // The runner's guarantees rest on these: never overridden.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }

  /** The deployment's properties for this kind of client, the runner's overrides, then {@code fixed}. */
  private Map<String, Object> clientProps(Map<String, Object> kind, Map<String, Object> fixed) {
    Map<String, Object> props = new HashMap<>(kind);
    props.putAll(settings.clientOverrides());
    props.putAll(fixed);
    return props;
  }

  /**
   * On revocation the destination writes out what it holds for the partitions, the durable
   * offsets are committed, and whatever is still buffered is dropped (the next owner consumes it
   * again). On loss (the group moved on without us) nothing may be committed.
   */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty() || halted) {
        return;
      }
      try {
        destination.flush(true);
      } catch (DeliveryException | RuntimeException e) {
        LOG.warn("sink {}: flush on revocation failed: {}", destination.name(), e.getMessage());
      }
      try {
        commit(partitions);
      } catch (RuntimeException e) {
        LOG.warn("sink {}: commit on revocation failed: {}", destination.name(), e.toString());
      }
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    private void forget(Collection<TopicPartition> partitions) {
      destination.onRevoked(partitions);
      partitions.forEach(tp -> {
        handedOver.remove(tp);
        committed.remove(tp);
      });
    }
  }
}
