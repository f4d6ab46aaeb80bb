package io.compliancestreams.bench;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.TopicCreator;
import io.compliancestreams.streams.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.avro.specific.SpecificRecord;
import io.compliancestreams.schemas.AvroSerde;

/** Settings, the no-op passthrough application and JVM measurements shared by the benchmarks. */
final class Pipelines {

  static final int PARTITIONS = 6;

  private Pipelines() {}

  /** The production settings (commit interval, partitions, guarantee) for one benchmark application. */
  static StreamsSettings settings(String bootstrap, Topics topics, String applicationId, String guarantee,
      Duration commitInterval, Path stateDir) {
    return new StreamsSettings(applicationId, bootstrap, topics, PARTITIONS, (short) 1, guarantee,
        stateDir.toString(), commitInterval, Duration.ofSeconds(10), Duration.ofMillis(500),
        Duration.ofHours(24), SerdeConfig.singleObject(), true, null, null);
  }

  /**
   * Creates the pipeline's topics; retried because the partition check right after creating can
   * race the broker's metadata on a freshly created topic.
   */
  static void ensureTopics(StreamsSettings settings) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        new TopicCreator(settings).ensureTopics();
        return;
      } catch (IllegalStateException e) {
        if (attempt == 5) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A no-op Kafka Streams application: decodes each record with the topic's Avro serde and
   * re-encodes it to {@code output}; same properties (guarantee, commit interval, producer linger)
   * as the topology.
   */
  static <T extends SpecificRecord> KafkaStreams passthrough(StreamsSettings settings, String input, String output,
      AvroSerde<T> serde) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), serde))
        .to(output, Produced.with(Serdes.String(), serde));
    return new KafkaStreams(builder.build(), settings.toProperties());
  }

  static KafkaStreams passthroughSnapshots(StreamsSettings settings, String input, String output) {
    return passthrough(settings, input, output, AvroSerdes.resourceSnapshot(SerdeConfig.singleObject()));
  }

  /** Starts and waits for RUNNING. */
  static void startAndAwaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener((next, previous) -> {
      if (next == KafkaStreams.State.RUNNING) {
        running.countDown();
      }
    });
    streams.start();
    if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("passthrough not RUNNING within " + timeout + ": " + streams.state());
    }
  }

  /** Heap used after a full collection (System.gc twice, then MemoryMXBean). */
  static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
