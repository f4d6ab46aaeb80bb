package io.compliancestreams.bench;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.contract.ResourceKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Admin, producer and consumer chores of the benchmarks, on one cluster. */
final class BenchKafka implements AutoCloseable {

  private final String bootstrap;
  private final Admin admin;

  BenchKafka(String bootstrap) {
    this.bootstrap = bootstrap;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  String bootstrap() {
    return bootstrap;
  }

  void createTopic(String name, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException("create " + name, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Produces {@code count} snapshots keyed by resource key (acks=all, idempotent); returns bytes sent. */
  long produceSnapshots(String topic, long count, LongFunction<ResourceSnapshot> records) {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 20,
        // One request in flight: a retried first batch on a just-created topic cannot then be
        // overtaken (OutOfOrderSequenceException loops seen on the in-JVM broker otherwise).
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    var serializer = AvroSerdes.resourceSnapshot(SerdeConfig.singleObject()).serializer();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long bytes = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      producer.partitionsFor(topic); // metadata first
      for (long k = 0; k < count; k++) {
        ResourceSnapshot s = records.apply(k);
        byte[] value = serializer.serialize(topic, s);
        bytes += value.length;
        String key = ResourceKey.of(s.getAccountId(), s.getAwsRegion(), s.getResourceType(), s.getResourceId()).format();
        producer.send(new ProducerRecord<>(topic, null, SnapshotGenerator.timestamp(s), key, value), (m, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
        if (failure.get() != null) {
          throw new IllegalStateException("produce to " + topic, failure.get());
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("produce to " + topic, failure.get());
    }
    return bytes;
  }

  Map<TopicPartition, Long> endOffsets(String topic) {
    try {
      var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      partitions.forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(request).all().get().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("end offsets of " + topic, e.getCause());
    }
  }

  /** True when the group's committed offsets on every partition of {@code ends} have reached them. */
  boolean caughtUp(String group, Map<TopicPartition, Long> ends) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      for (var e : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      return false;
    }
  }

  /** Waits (polling every 50 ms) until the group has committed the end of {@code ends}; the elapsed nanos. */
  long awaitCaughtUp(String group, Map<TopicPartition, Long> ends, long startNanos, Duration timeout,
      KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!caughtUp(group, ends)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(group + " did not reach the end of its input within " + timeout);
      }
      if (streams != null && (streams.state() == KafkaStreams.State.ERROR
          || streams.state() == KafkaStreams.State.NOT_RUNNING)) {
        throw new IllegalStateException(group + " stopped: " + streams.state());
      }
      Thread.sleep(50);
    }
    return System.nanoTime() - startNanos;
  }

  /** Records and bytes of every partition of a topic, read with read_committed from the start. */
  long[] readAll(List<String> topics) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "bench-read-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    long records = 0;
    long bytes = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Map<TopicPartition, Long> ends = new HashMap<>();
      topics.forEach(t -> ends.putAll(endOffsets(t)));
      consumer.assign(ends.keySet());
      consumer.seekToBeginning(ends.keySet());
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (var r : consumer.poll(Duration.ofMillis(200))) {
          records++;
          bytes += (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        }
      }
    }
    return new long[] {records, bytes};
  }

  /** Topics whose name starts with {@code prefix} and ends with {@code suffix}. */
  List<String> topics(String prefix, String suffix) {
    try {
      return admin.listTopics().names().get().stream()
          .filter(n -> n.startsWith(prefix) && n.endsWith(suffix)).sorted().toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Exact number of keys in a local key-value store of a running application. */
  static long countKeys(KafkaStreams streams, String store) {
    ReadOnlyKeyValueStore<Object, Object> kv = streams.store(
        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
    long n = 0;
    try (var it = kv.all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  static long directorySize(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
