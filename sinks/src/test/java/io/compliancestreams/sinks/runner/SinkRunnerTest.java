package io.compliancestreams.sinks.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.SchemaException;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.sinks.testkit.Deltas;
import io.compliancestreams.sinks.testkit.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SinkRunnerTest {

  private static final Instant T = Instant.parse("2025-03-01T10:15:30Z");
  private static KafkaBroker kafka;
  private static Topics topics;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private SinkRunner runner;

  @BeforeAll
  static void startBroker() {
    kafka = KafkaBroker.start();
    topics = new Topics(kafka.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @AfterEach
  void stopRunner() {
    if (runner != null) {
      runner.close();
    }
  }

  @Test
  void shouldDeadLetterPermanentFailureWithOriginalBytesAndGoOn() {
    String topic = topics.fresh("deltas", 1);
    ScriptedDestination dest = new ScriptedDestination("test", attempt -> {
      if (attempt.record().delta().getFindingId().equals("f-bad")) {
        throw DeliveryException.permanent("rejected: channel_not_found", null);
      }
    });
    topics.produce(topic, 0, List.of(Deltas.failing("f-bad", 1, T), Deltas.failing("f-good", 1, T)));

    runner = start(settings(topic), dest);

    await("good delta delivered").until(() -> dest.delivered.contains("f-good:1"));
    List<ConsumerRecord<byte[], byte[]>> dlq = awaitRecords(topic + ".test.dlq", 1);
    ConsumerRecord<byte[], byte[]> dead = dlq.get(0);
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("f-bad");
    assertThat(dead.value()).isEqualTo(topics.readAll(topic).get(0).value());
    assertThat(headers(dead)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "dlq.reason", "rejected: channel_not_found",
        "dlq.source.topic", topic,
        "dlq.source.partition", "0",
        "dlq.source.offset", "0",
        "dlq.attempts", "1",
        "dlq.exception.class", DeliveryException.class.getName()));
    await("offsets committed past both").until(() -> committed(topic).equals(Map.of(tp(topic), 2L)));
    assertThat(count("dead_lettered")).isEqualTo(1);
    assertThat(count("delivered")).isEqualTo(1);
    assertThat(count("retried")).isZero();
  }

  @Test
  void shouldDeadLetterUndecodableRecordInsteadOfStopping() {
    String topic = topics.fresh("deltas", 1);
    ScriptedDestination dest = new ScriptedDestination("test", attempt -> {});
    topics.produceRaw(topic, 0, "f-x".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    topics.produce(topic, 0, List.of(Deltas.failing("f-good", 1, T)));

    runner = start(settings(topic), dest);

    await("good delta delivered").until(() -> dest.delivered.contains("f-good:1"));
    ConsumerRecord<byte[], byte[]> dead = awaitRecords(topic + ".test.dlq", 1).get(0);
    assertThat(dead.value()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    Map<String, String> h = headers(dead);
    assertThat(h.get("dlq.reason")).startsWith("topic " + topic + ":");
    assertThat(h).containsEntry("dlq.exception.class", SchemaException.class.getName())
        .containsEntry("dlq.attempts", "0").containsEntry("dlq.source.offset", "0");
    await("offsets committed").until(() -> committed(topic).equals(Map.of(tp(topic), 2L)));
  }

  @Test
  void shouldWaitExactlyWhatRetryAfterSaysThenDeliver() {
    String topic = topics.fresh("deltas", 1);
    ScriptedDestination dest = new ScriptedDestination("test", attempt -> {
      if (attempt.number() <= 2) {
        throw DeliveryException.retryAfter("429 Too Many Requests", Duration.ofSeconds(7));
      }
    });
    topics.produce(topic, 0, List.of(Deltas.failing("f-1", 1, T)));

    runner = start(settings(topic), dest);

    await("delivered on the third attempt").until(() -> dest.delivered.contains("f-1:1"));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(count("retried")).isEqualTo(2);
    assertThat(count("failed")).isEqualTo(2);
    assertThat(count("dead_lettered")).isZero();
  }

  @Test
  void shouldBackOffExponentiallyThenDeadLetterAfterMaxAttempts() {
    String topic = topics.fresh("deltas", 1);
    ScriptedDestination dest = new ScriptedDestination("test", attempt -> {
      throw DeliveryException.retryable("503 Service Unavailable", null);
    });
    topics.produce(topic, 0, List.of(Deltas.failing("f-1", 1, T)));

    runner = start(settings(topic), dest);

    ConsumerRecord<byte[], byte[]> dead = awaitRecords(topic + ".test.dlq", 1).get(0);
    // jitter source pinned to 1.0: the ceilings 100, 200, 400, 800 ms (initial 100, x2, max 1 s)
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
        Duration.ofMillis(800));
    assertThat(headers(dead)).containsEntry("dlq.attempts", "5").containsEntry("dlq.reason", "503 Service Unavailable");
    assertThat(dest.attempts.get()).isEqualTo(5);
  }

  @Test
  void shouldSkipFilteredDeltasAndStillCommitThem() {
    String topic = topics.fresh("deltas", 1);
    ScriptedDestination dest = new ScriptedDestination("test", attempt -> {});
    FindingDelta low = Deltas.withSeverity(Deltas.failing("f-low", 1, T), Severity.LOW);
    FindingDelta high = Deltas.failing("f-high", 1, T);
    FindingDelta suppressed = FindingDelta.newBuilder(Deltas.failing("f-muted", 1, T)).setSuppressed(true).build();
    topics.produce(topic, 0, List.of(low, high, suppressed));

    runner = start(settings(topic).withFilter(
        new DeltaFilter(Severity.HIGH, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false)), dest);

    await("all three handled").until(() -> committed(topic).equals(Map.of(tp(topic), 3L)));
    assertThat(dest.delivered).containsExactly("f-high:1");
    assertThat(count("skipped")).isEqualTo(2);
    assertThat(registry.get("compliance.sink.delivery.latency").tag("sink", "test").timer().count()).isEqualTo(1);
  }

  @Test
  void shouldCommitOnlyWhatTheDestinationSaysIsDurableAndFlushOnClose() {
    String topic = topics.fresh("deltas", 1);
    BufferingDestination dest = new BufferingDestination();
    topics.produce(topic, 0, List.of(Deltas.failing("f-1", 1, T), Deltas.failing("f-2", 1, T)));

    runner = start(settings(topic), dest);
    await("both buffered").until(() -> dest.buffered.size() == 2);
    // Several flush(false) rounds pass; nothing is durable until a forced flush.
    await("timer flushes ran").until(() -> dest.softFlushes.get() >= 3);
    assertThat(committed(topic).getOrDefault(tp(topic), 0L)).isZero();

    runner.close();
    runner = null;
    assertThat(dest.forced).isTrue();
    assertThat(dest.closed).isTrue();
    assertThat(committed(topic)).isEqualTo(Map.of(tp(topic), 2L));
  }

  @Test
  void shouldExposeTheConsumersKafkaClientMetricsWhileRunningAndDropThemOnClose() {
    String topic = topics.fresh("deltas", 1);
    ScriptedDestination dest = new ScriptedDestination("test", attempt -> {});
    topics.produce(topic, 0, List.of(Deltas.failing("f-1", 1, T)));

    runner = start(settings(topic), dest);
    await("delta delivered").until(() -> dest.delivered.contains("f-1:1"));

    // kafka.consumer.* becomes kafka_consumer_* on the Prometheus /metrics, tagged with the group as client id.
    assertThat(registry.find("kafka.consumer.fetch.manager.records.consumed.total").tag("client.id", group)
        .functionCounter()).isNotNull();
    assertThat(registry.getMeters()).filteredOn(m -> m.getId().getName().startsWith("kafka.consumer."))
        .allSatisfy(m -> assertThat(m.getId().getTag("client.id")).isEqualTo(group));

    runner.close();
    runner = null;
    assertThat(registry.getMeters()).noneMatch(m -> m.getId().getName().startsWith("kafka.consumer."));
  }

  private SinkRunner start(SinkSettings settings, Destination dest) {
    SinkRunner r = new SinkRunner(settings, dest, registry, Clock.systemUTC(), sleeps::add, () -> 1.0);
    r.start();
    return r;
  }

  private SinkSettings settings(String topic) {
    group = SinkSettings.groupId("test.", "runner-" + UUID.randomUUID());
    return SinkSettings.of(kafka.bootstrapServers(), topic, group, SerdeConfig.singleObject())
        .withRetry(new RetrySettings(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0))
        .withPollTimeout(Duration.ofMillis(100))
        .withFlushInterval(Duration.ofMillis(100));
  }

  private String group;

  private Map<TopicPartition, Long> committed(String topic) {
    return topics.committed(runnerGroup(), topic, 1);
  }

  private String runnerGroup() {
    return group;
  }

  private List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, int n) {
    await("records in " + topic).until(() -> {
      try {
        return topics.readAll(topic).size() >= n;
      } catch (RuntimeException e) {
        return false;
      }
    });
    return topics.readAll(topic);
  }

  private double count(String name) {
    return registry.get("compliance.sink." + name).tag("sink", "test").counter().count();
  }

  private static TopicPartition tp(String topic) {
    return new TopicPartition(topic, 0);
  }

  private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
    Map<String, String> out = new java.util.HashMap<>();
    r.headers().forEach(h -> out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
    return out;
  }

  /** One delivery attempt as a script sees it. */
  record Attempt(SinkRecord record, int number) {}

  interface Script {
    void run(Attempt attempt) throws DeliveryException;
  }

  /** Delivers at once, failing as the script says (attempts counted per record). */
  static final class ScriptedDestination implements Destination {
    final String name;
    final Script script;
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    private final Map<Long, Integer> perRecord = new java.util.concurrent.ConcurrentHashMap<>();

    ScriptedDestination(String name, Script script) {
      this.name = name;
      this.script = script;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void deliver(SinkRecord record) throws DeliveryException {
      attempts.incrementAndGet();
      int n = perRecord.merge(record.offset(), 1, Integer::sum);
      script.run(new Attempt(record, n));
      delivered.add(record.delta().getDeltaId());
    }
  }

  /** Buffers everything; only a forced flush makes it durable. */
  static final class BufferingDestination implements Destination {
    final List<SinkRecord> buffered = new CopyOnWriteArrayList<>();
    final AtomicInteger softFlushes = new AtomicInteger();
    volatile boolean forced;
    volatile boolean closed;

    @Override
    public String name() {
      return "test";
    }

    @Override
    public void deliver(SinkRecord record) {
      buffered.add(record);
    }

    @Override
    public void flush(boolean force) {
      if (force) {
        forced = true;
      } else {
        softFlushes.incrementAndGet();
      }
    }

    @Override
    public Map<TopicPartition, Long> durableOffsets(Map<TopicPartition, Long> handedOver) {
      if (forced) {
        return handedOver;
      }
      Map<TopicPartition, Long> none = new java.util.HashMap<>();
      handedOver.forEach((tp, next) -> none.put(tp, buffered.isEmpty() ? next : buffered.get(0).offset()));
      return none;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
