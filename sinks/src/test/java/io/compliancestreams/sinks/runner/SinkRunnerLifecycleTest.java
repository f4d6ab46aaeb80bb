package io.compliancestreams.sinks.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.sinks.testkit.Deltas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The runner's lifecycle over clients built outside it (Kafka's own MockConsumer and MockProducer):
 * a revocation in the middle of a run and a stop by wake-up, scripted poll by poll on the test's
 * thread. The same behaviour on a real broker is in {@link SinkRunnerTest} and {@link SinkOutageTest};
 * this pins down the order of flushes and commits, which a broker test cannot observe.
 */
class SinkRunnerLifecycleTest {

  private static final String TOPIC = "deltas";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static final Instant T = Instant.parse("2025-03-01T10:15:30Z");

  private final List<Map<TopicPartition, Long>> commits = new ArrayList<>();
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      Map<TopicPartition, Long> plain = new HashMap<>();
      offsets.forEach((tp, o) -> plain.put(tp, o.offset()));
      commits.add(plain);
      super.commitSync(offsets);
    }
  };
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final BufferingDestination destination = new BufferingDestination();

  @Test
  void shouldCommitARevokedPartitionBeforeDroppingItAndTheRestWhenWokenUp() {
    SinkRunner runner = runner();
    consumer.schedulePollTask(() -> {
      consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
      consumer.rebalance(List.of(P0, P1));
      consumer.addRecord(delta(P0, 0, "f-a"));
      consumer.addRecord(delta(P0, 1, "f-b"));
      consumer.addRecord(delta(P1, 0, "f-c"));
      consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, 1, "f-x".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}));
    });
    consumer.schedulePollTask(() -> {
      assertThat(commits).as("nothing durable before a forced flush").isEmpty();
      consumer.rebalance(List.of(P1));
    });
    consumer.schedulePollTask(consumer::wakeup);

    runner.run();

    // The revocation flushed and committed P0 only; the wake-up's graceful stop committed P1, past
    // the dead-lettered record.
    assertThat(commits).containsExactly(Map.of(P0, 2L), Map.of(P1, 2L));
    assertThat(destination.revoked).containsExactly(P0);
    assertThat(destination.forcedFlushes).isEqualTo(2);
    assertThat(destination.closed).isTrue();
    List<ProducerRecord<byte[], byte[]>> dead = producer.history();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).topic()).isEqualTo("deltas.test.dlq");
    assertThat(new String(dead.get(0).headers().lastHeader("dlq.source.offset").value(), StandardCharsets.UTF_8))
        .isEqualTo("1");
    assertThat(producer.closed()).isTrue();
    assertThat(runner.running()).isFalse();
  }

  @Test
  void shouldNeitherFlushNorCommitNorCloseTheDestinationAfterAHalt() {
    SinkRunner runner = runner();
    consumer.schedulePollTask(() -> {
      consumer.updateBeginningOffsets(Map.of(P0, 0L));
      consumer.rebalance(List.of(P0));
      consumer.addRecord(delta(P0, 0, "f-a"));
    });
    consumer.schedulePollTask(runner::halt);

    runner.run();

    assertThat(destination.buffered).containsKey(P0);
    assertThat(commits).isEmpty();
    assertThat(destination.forcedFlushes).isZero();
    assertThat(destination.closed).isFalse();
  }

  private SinkRunner runner() {
    SinkSettings settings = SinkSettings.of("localhost:9", TOPIC, "test-group", SerdeConfig.singleObject())
        .withFlushInterval(Duration.ofHours(1));
    SinkClients clients = new SinkClients(consumer, new DeadLetters(settings.deadLetterTopic("test"), producer));
    return new SinkRunner(settings, destination, clients, new SimpleMeterRegistry(), Clock.systemUTC(),
        wait -> {}, () -> 1.0);
  }

  private static ConsumerRecord<byte[], byte[]> delta(TopicPartition tp, long offset, String findingId) {
    byte[] value = AvroSerdes.findingDelta(SerdeConfig.singleObject()).serializer()
        .serialize(tp.topic(), Deltas.failing(findingId, 1, T));
    return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, findingId.getBytes(StandardCharsets.UTF_8), value);
  }

  /** Buffers per partition; only a forced flush makes the buffers durable. */
  static final class BufferingDestination implements Destination {
    final Map<TopicPartition, Long> buffered = new HashMap<>();
    final Map<TopicPartition, Long> durable = new HashMap<>();
    final List<TopicPartition> revoked = new ArrayList<>();
    int forcedFlushes;
    boolean closed;

    @Override
    public String name() {
      return "test";
    }

    @Override
    public void deliver(SinkRecord record) {
      buffered.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }

    @Override
    public void flush(boolean force) {
      if (force) {
        forcedFlushes++;
        durable.putAll(buffered);
      }
    }

    @Override
    public Map<TopicPartition, Long> durableOffsets(Map<TopicPartition, Long> handedOver) {
      Map<TopicPartition, Long> out = new HashMap<>();
      handedOver.forEach((tp, next) -> {
        if (durable.containsKey(tp)) {
          // Records handed over but not buffered (dead-lettered, skipped) count as durable.
          out.put(tp, buffered.get(tp).equals(durable.get(tp)) ? next : durable.get(tp));
        }
      });
      return out;
    }

    @Override
    public void onRevoked(Collection<TopicPartition> partitions) {
      revoked.addAll(partitions);
      partitions.forEach(tp -> {
        buffered.remove(tp);
        durable.remove(tp);
      });
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
