package io.compliancestreams.ingest.rescan;

import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.publish.Publisher;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.schemas.contract.ResourceKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code compliance.rescan.request.v1} and re-reads what each request names.
 *
 * <p>A burst of requests (a Terraform apply, an event fanned out to several practices) is coalesced:
 * requests are gathered for {@code window} after the first one, then each distinct key (the
 * resource, or the {@code account/region/type} scope) is fetched once. A named resource runs the
 * collector's {@code collectOne}; a scope runs {@code collect}. Fresh snapshots (source RESCAN) are
 * published; a named resource the collector no longer finds gets a {@code ResourceDeleted}
 * snapshot. Offsets are committed only after every publish was acknowledged, so a crash repeats a
 * rescan rather than losing it. A collector failure (AccessDenied, throttling after retries) is
 * logged and publishes nothing (never a deletion); the periodic resync has the last word.
 *
 * <pre>{@code
 * RescanConsumer rescans = RescanConsumer.create(consumerConfig, serdes, topics.rescanRequests(),
 *     collectors, (account, region) -> contextFor(account, region), publisher, RescanConsumer.DEFAULT_WINDOW);
 * executor.submit(rescans);   // rescans.close() stops it from any thread
 * }</pre>
 */
public final class RescanConsumer implements Runnable, AutoCloseable {

  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(RescanConsumer.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(500);
  private static final Duration MAX_RETRY_PAUSE = Duration.ofMinutes(5);

  private final Consumer<String, RescanRequest> consumer;
  private final List<Collector> collectors;
  private final BiFunction<String, String, CollectContext> contexts;
  private final Publisher publisher;
  private final Duration window;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean(true);

  private final Map<String, RescanRequest> pending = new LinkedHashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
  private Instant windowEnd;
  /** After a failed publish: no rescan before this instant. */
  private Instant retryAfter;
  private int failures;

  /**
   * @param contexts the collect context of an account and region: the app assumes the account's
   *     role and maps region {@code global} to the account's home region; the source and scan id
   *     are replaced here (RESCAN, {@code rescan-<requestId>})
   */
  RescanConsumer(Consumer<String, RescanRequest> consumer, String topic, List<Collector> collectors,
      BiFunction<String, String, CollectContext> contexts, Publisher publisher, Duration window, Clock clock) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.collectors = List.copyOf(collectors);
    this.contexts = Objects.requireNonNull(contexts, "contexts");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.window = Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
    consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Finish and commit what was gathered before another instance takes the partitions over.
        flush();
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
    });
  }

  /**
   * A consumer over a new KafkaConsumer. {@code consumerConfig} gives at least
   * {@code bootstrap.servers} and {@code group.id}; auto-commit is turned off here.
   */
  public static RescanConsumer create(Map<String, Object> consumerConfig, SerdeConfig serdes, String topic,
      List<Collector> collectors, BiFunction<String, String, CollectContext> contexts, Publisher publisher,
      Duration window) {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, RescanRequest> consumer = new KafkaConsumer<>(
        config, new StringDeserializer(), AvroSerdes.rescanRequest(serdes).deserializer());
    return new RescanConsumer(consumer, topic, collectors, contexts, publisher, window, Clock.systemUTC());
  }

  @Override
  public void run() {
    try {
      while (running.get()) {
        step();
      }
      flush();
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } finally {
      consumer.close();
    }
  }

  /** Stops {@link #run()} (from any thread); what was gathered but not committed is read again later. */
  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
  }

  /** One poll; rescans the gathered requests once the window since the first one has passed. */
  void step() {
    Duration timeout = windowEnd == null ? IDLE_POLL : durationUntil(windowEnd);
    try {
      for (ConsumerRecord<String, RescanRequest> record : consumer.poll(timeout)) {
        gather(record);
      }
    } catch (RecordDeserializationException e) {
      // A request is only a hint (the resync covers it): skip the poison record, keep the rest.
      LOG.error("Skipping undecodable rescan request at {} offset {}: {}",
          e.topicPartition(), e.offset(), e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
    if (windowEnd != null && !clock.instant().isBefore(windowEnd)) {
      flush();
    }
  }

  private void gather(ConsumerRecord<String, RescanRequest> record) {
    consumed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    RescanRequest request = record.value();
    if (request == null) {
      return;
    }
    pending.putIfAbsent(keyOf(request), request);
    if (windowEnd == null) {
      Instant end = clock.instant().plus(window);
      windowEnd = retryAfter != null && retryAfter.isAfter(end) ? retryAfter : end;
    }
  }

  private void flush() {
    if (consumed.isEmpty()) {
      return;
    }
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (RescanRequest request : pending.values()) {
      acks.addAll(rescan(request));
    }
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      // Nothing is committed: the requests are read again, after a pause that doubles while
      // publishing keeps failing. Letting the failure out would end the rescan thread for good.
      failures++;
      Duration pause = retryPause();
      LOG.warn("rescan of {} requests not published ({}); read again in {}", pending.size(),
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), pause);
      rewind();
      pending.clear();
      consumed.clear();
      windowEnd = null;
      retryAfter = clock.instant().plus(pause);
      return;
    }
    failures = 0;
    consumer.commitSync(consumed);
    pending.clear();
    consumed.clear();
    windowEnd = null;
  }

  /** The window doubled per consecutive failure, at most {@link #MAX_RETRY_PAUSE}. */
  private Duration retryPause() {
    Duration pause = window.multipliedBy(1L << Math.min(failures, 16));
    return pause.compareTo(MAX_RETRY_PAUSE) > 0 ? MAX_RETRY_PAUSE : pause;
  }

  /** Back to the last committed offset (the beginning when none) of every partition read since. */
  private void rewind() {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(consumed.keySet());
    for (TopicPartition partition : consumed.keySet()) {
      OffsetAndMetadata last = committed.get(partition);
      if (last == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, last.offset());
      }
    }
  }

  private List<CompletableFuture<Void>> rescan(RescanRequest request) {
    String type = request.getResourceType();
    String resourceId = request.getResourceId();
    List<Collector> matching = collectors.stream().filter(c -> c.resourceTypes().contains(type)).toList();
    if (matching.isEmpty()) {
      LOG.warn("No collector for {} (rescan {}, {})", type, request.getRequestId(), request.getReason());
      return List.of();
    }
    List<ResourceSnapshot> found = new ArrayList<>();
    try {
      CollectContext base = contexts.apply(request.getAccountId(), request.getRegion());
      CollectContext context = new CollectContext(base.accountId(), base.region(), base.clients(), base.clock(),
          "rescan-" + request.getRequestId(), SnapshotSource.RESCAN);
      for (Collector collector : matching) {
        if (resourceId == null) {
          collector.collect(context, found::add);
        } else {
          collector.collectOne(context, resourceId, found::add);
        }
      }
    } catch (RescanAccounts.UnreachableAccountException e) {
      LOG.warn("Rescan {} of {} ({}): {}", request.getRequestId(), keyOf(request), request.getReason(),
          e.getMessage());
      return List.of();
    } catch (RuntimeException e) {
      LOG.error("Rescan {} of {} failed ({}): {}", request.getRequestId(), keyOf(request), request.getReason(),
          e.toString());
      return List.of();
    }
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (ResourceSnapshot snapshot : found) {
      acks.add(publisher.snapshot(asRescan(snapshot, request)));
    }
    if (resourceId != null && found.stream().noneMatch(s -> isRequested(s, type, resourceId))) {
      acks.add(publisher.snapshot(SnapshotBuilder.of(request.getAccountId(), request.getRegion(), type, resourceId)
          .capturedAt(clock.instant())
          .source(SnapshotSource.RESCAN, "rescan-" + request.getRequestId())
          .deleted()
          .build()));
    }
    return acks;
  }

  private static boolean isRequested(ResourceSnapshot s, String type, String id) {
    return s.getResourceType().equals(type)
        && (s.getResourceId().equals(id) || id.equals(s.getArn()) || id.equals(s.getResourceName()));
  }

  private static ResourceSnapshot asRescan(ResourceSnapshot s, RescanRequest request) {
    if (s.getSource() == SnapshotSource.RESCAN) {
      return s;
    }
    return ResourceSnapshot.newBuilder(s)
        .setSource(SnapshotSource.RESCAN).setScanId("rescan-" + request.getRequestId()).build();
  }

  /** The canonical resource key, or {@code account/region/type} for a whole scope. */
  static String keyOf(RescanRequest r) {
    return ResourceKey.rescan(r.getAccountId(), r.getRegion(), r.getResourceType(), r.getResourceId());
  }

  private Duration durationUntil(Instant end) {
    Duration left = Duration.between(clock.instant(), end);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
