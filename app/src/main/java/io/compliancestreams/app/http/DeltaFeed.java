package io.compliancestreams.app.http;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the delta topic (read_committed, from its end at start) for the dashboard's live list,
 * the deltas-per-kind metric and the time-to-remediate histogram: keeps the most recent deltas in
 * memory, numbered so a page can ask for "what came after n". A record that cannot be read is
 * skipped (the sinks' DLQs own bad records).
 */
public final class DeltaFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeltaFeed.class);
  private static final int KEEP = 500;

  /** One delta as the dashboard shows it. */
  public record FeedItem(long seq, String deltaId, String changeKind, String previousStatus, String newStatus,
      int practice, String controlId, String title, String severity, String accountId, String region,
      String resourceType, String resourceId, String resourceArn, String reason, Instant evaluatedAt,
      boolean suppressed, String findingId, String resourceName, String actor, String resourceKey) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<FindingDelta> deserializer;
  private final String topic;
  private final Deque<FeedItem> recent = new ArrayDeque<>();
  private final MeterRegistry meters;
  private final List<Consumer<FeedItem>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Thread thread;
  private long seq;
  private volatile boolean running = true;

  /** @param clients the process's Kafka client settings; the feed's consumer starts from them */
  public DeltaFeed(KafkaClientConfig clients, String topic, SerdeConfig serdes, MeterRegistry meters) {
    this.topic = topic;
    this.meters = meters;
    this.deserializer = AvroSerdes.findingDelta(serdes).deserializer();
    this.consumer = new KafkaConsumer<>(clients.consumer(Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, "compliance-dashboard-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
        new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "delta-feed");
    thread.setDaemon(true);
  }

  public DeltaFeed start() {
    consumer.subscribe(List.of(topic));
    thread.start();
    return this;
  }

  /** Called for each new delta (the demo prints them). */
  public void onDelta(Consumer<FeedItem> listener) {
    listeners.add(listener);
  }

  /** The deltas numbered after {@code after}, oldest first. */
  public synchronized List<FeedItem> after(long after) {
    List<FeedItem> out = new ArrayList<>();
    for (FeedItem item : recent) {
      if (item.seq() > after) {
        out.add(item);
      }
    }
    return out;
  }

  private void run() {
    try {
      while (running) {
        consumer.poll(Duration.ofMillis(250)).forEach(r -> {
          try {
            add(deserializer.deserialize(r.topic(), r.value()));
          } catch (RuntimeException e) {
            LOG.debug("skipping unreadable delta at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
          }
        });
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void add(FindingDelta d) {
    if (d == null) {
      return;
    }
    Counter.builder("compliance_deltas").description("Finding deltas emitted, by change kind")
        .tag("kind", d.getChangeKind().name()).tag("severity", d.getSeverity().name())
        .register(meters).increment();
    if (d.getFailedForMillis() != null) {
      remediation(d).record(Duration.ofMillis(d.getFailedForMillis()));
    }
    FeedItem item;
    synchronized (this) {
      item = new FeedItem(++seq, d.getDeltaId(), d.getChangeKind().name(),
          d.getPreviousStatus() == null ? null : d.getPreviousStatus().name(),
          d.getNewStatus() == null ? null : d.getNewStatus().name(), d.getPractice(), d.getControlId(),
          d.getTitle(), d.getSeverity().name(), d.getAccountId(), d.getRegion(), d.getResourceType(),
          d.getResourceId(), d.getResourceArn(), d.getReason(), d.getEvaluatedAt(), d.getSuppressed(),
          d.getFindingId(), d.getResourceName(), io.compliancestreams.sinks.attribution.ActorText.of(d.getAttribution()),
          d.getResourceKey());
      recent.addLast(item);
      while (recent.size() > KEEP) {
        recent.removeFirst();
      }
    }
    listeners.forEach(l -> l.accept(item));
  }

  /**
   * How long failures lasted until a delta ended them (RESOLVED, CLOSED, or ERROR→PASS after a
   * failure), per practice and severity. Buckets are fixed and human-sized (a minute to 30 days)
   * rather than Micrometer's generated percentile buckets, which stop at 30 s by default and would
   * need some 70 per series to reach days; histogram_quantile() reads them either way.
   */
  private Timer remediation(FindingDelta d) {
    return Timer.builder("compliance_remediation")
        .description("How long a failing finding failed before a delta ended the failure (FindingDelta.failedForMillis)")
        .tag("practice_id", Integer.toString(d.getPractice()))
        .tag("control_id", d.getControlId())
        .tag("severity", d.getSeverity().name())
        .serviceLevelObjectives(REMEDIATION_BUCKETS)
        .register(meters);
  }

  static final Duration[] REMEDIATION_BUCKETS = {Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
      Duration.ofHours(8), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3),
      Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30)};

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
