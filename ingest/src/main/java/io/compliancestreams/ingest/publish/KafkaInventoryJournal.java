package io.compliancestreams.ingest.publish;

import io.compliancestreams.ingest.scan.InventoryChange;
import io.compliancestreams.ingest.scan.InventoryJournal;
import io.compliancestreams.ingest.scan.KnownResource;
import io.compliancestreams.ingest.scan.ScanInventory;
import io.compliancestreams.ingest.scan.Scope;
import io.compliancestreams.schemas.topics.CompactedTopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the scan inventory in a compacted topic ({@link InventoryRecords} has the record format),
 * so a restarted ingest service derives deletions in its first scan too.
 *
 * <p>Changes are held until {@link #flush()}: the owner calls it after the scan's snapshots were
 * acknowledged, so the topic never holds an inventory whose ResourceDeleted snapshots could still be
 * lost. A crash between the two re-derives the same deletions at the next start, which is harmless
 * (the topology ignores the deletion of a resource it no longer holds).
 *
 * <pre>{@code
 * try (KafkaInventoryJournal journal = KafkaInventoryJournal.create(Map.of("bootstrap.servers", servers), topic)) {
 *   ScanInventory inventory = new ScanInventory(journal);
 *   journal.load(inventory);
 *   scanner = new Scanner(collectors, options, clock, inventory);
 *   scanner.scan(...); publisher.flush(); journal.flush();
 * }
 * }</pre>
 */
public final class KafkaInventoryJournal implements InventoryJournal, AutoCloseable {

  /** How long {@link #load} may take before it gives up (a broker away, a topic that is missing). */
  public static final Duration LOAD_TIMEOUT = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(KafkaInventoryJournal.class);

  private final Producer<String, byte[]> producer;
  private final CompactedTopicReader reader;
  private final String topic;
  private final List<InventoryChange> pending = new ArrayList<>(); // guarded by this

  KafkaInventoryJournal(Producer<String, byte[]> producer, CompactedTopicReader reader, String topic) {
    this.producer = producer;
    this.reader = reader;
    this.topic = topic;
  }

  /**
   * A journal on {@code topic} over a new producer. {@code clientConfig} gives at least
   * {@code bootstrap.servers} (and any security settings); acks and idempotence are fixed here.
   */
  public static KafkaInventoryJournal create(Map<String, Object> clientConfig, String topic) {
    return create(clientConfig, clientConfig, topic);
  }

  /**
   * The same with separate base properties for the producer and for the consumer that loads the
   * topic (each gets only the client properties it knows).
   */
  public static KafkaInventoryJournal create(Map<String, Object> producerConfig, Map<String, Object> consumerConfig,
      String topic) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "compliance-streams-ingest-inventory");
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
    return new KafkaInventoryJournal(new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        new CompactedTopicReader(consumerConfig, "compliance-streams-ingest-inventory", LOAD_TIMEOUT), topic);
  }

  /**
   * Reads the topic to its end and restores each scope it holds into {@code inventory}: the latest
   * value per key, a tombstone removing its key, an undecodable value skipped (with a WARN). Call
   * once, before the first scan. Returns how many resources were restored; throws if the topic
   * cannot be read, leaving {@code inventory} untouched.
   */
  public int load(ScanInventory inventory) {
    Map<String, InventoryRecords.Entry> latest = new HashMap<>();
    List<String> undecodable = new ArrayList<>();
    reader.readToEnd(topic, record -> {
      String key = record.key();
      byte[] value = record.value();
      if (value == null) {
        latest.remove(key);
        return;
      }
      try {
        latest.put(key, InventoryRecords.read(value));
      } catch (IllegalArgumentException e) {
        // Its previous value is no longer what the journal says either.
        latest.remove(key);
        undecodable.add(key);
      }
    });
    if (!undecodable.isEmpty()) {
      LOG.warn("inventory topic {}: skipped {} undecodable records, e.g. key {}", topic, undecodable.size(),
          undecodable.get(0));
    }
    Map<Scope, List<KnownResource>> byScope = new LinkedHashMap<>();
    latest.values().forEach(e -> byScope.computeIfAbsent(e.scope(), s -> new ArrayList<>()).add(e.resource()));
    byScope.forEach(inventory::restore);
    return latest.size();
  }

  /** Holds the change until {@link #flush()}. */
  @Override
  public synchronized void record(InventoryChange change) {
    pending.add(change);
  }

  /**
   * Writes every change recorded since the last flush and waits until the broker acknowledged each
   * record. Returns how many records were written. If any record failed, the whole batch is kept
   * for the next flush (rewriting the same values is harmless; order per key is kept) and this
   * throws. Interrupted (a shutdown), it throws Kafka's InterruptException; what was sent is still
   * written when the producer closes.
   */
  public int flush() {
    List<InventoryChange> batch;
    synchronized (this) {
      batch = List.copyOf(pending);
      pending.clear();
    }
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (InventoryChange change : batch) {
      InventoryRecords.of(topic, change).forEach(record -> acks.add(send(record)));
    }
    producer.flush();
    List<Throwable> errors = new ArrayList<>();
    for (CompletableFuture<Void> ack : acks) {
      try {
        ack.get();
      } catch (ExecutionException e) {
        errors.add(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        errors.add(e);
        break;
      }
    }
    if (!errors.isEmpty()) {
      synchronized (this) {
        pending.addAll(0, batch);
      }
      throw new IllegalStateException(errors.size() + " of " + acks.size() + " records not written to " + topic
          + " (kept for the next flush): " + errors.get(0).getMessage(), errors.get(0));
    }
    return acks.size();
  }

  private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
    return Acks.send(producer, record);
  }

  /**
   * Closes the producer. Changes not flushed are dropped, not written: their snapshots may not have
   * been acknowledged, and the next start then compares with the inventory before them.
   */
  @Override
  public void close() {
    int dropped;
    synchronized (this) {
      dropped = pending.size();
      pending.clear();
    }
    if (dropped > 0) {
      LOG.warn("inventory topic {}: {} scope changes of an unfinished scan not written; the next start compares"
          + " those scopes with their previous inventory", topic, dropped);
    }
    producer.close(Duration.ofSeconds(30));
  }
}
