package io.compliancestreams.bench;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.TriggerKind;
import io.compliancestreams.schemas.avro.UserIdentity;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.ComplianceStreamsApp;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Detection latency: decisive CloudTrail events (ScheduleKeyDeletion / CancelKeyDeletion,
 * alternating per key, so every event flips practice 25 on a key loaded beforehand) injected at a
 * fixed rate; latency from the moment the event is handed to the producer to the moment its delta
 * (trigger eventId) is returned to a read_committed consumer. Baseline: the same events through a
 * no-op passthrough application with the same guarantee and commit interval.
 */
final class LatencyBench {

  private static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final BenchKafka kafka;
  private final Results results;
  private final int keys;
  private final ResourceSnapshot template =
      SnapshotRecords.of(PracticeFixtures.load(25, "pass-enabled-customer-key.json").items().get(0));
  private final boolean[] pending;
  private final AtomicLong eventCounter = new AtomicLong();

  LatencyBench(BenchKafka kafka, Results results, int keys) {
    this.kafka = kafka;
    this.results = results;
    this.keys = keys;
    this.pending = new boolean[keys];
  }

  private static String label(String guarantee) {
    return guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) ? "EOS" : "ALOS";
  }

  private ResourceSnapshot key(int k, Instant captured) {
    String id = String.format("bench0000-0000-4000-8000-%012d", k);
    return ResourceSnapshot.newBuilder(template)
        .setResourceId(id)
        .setArn(template.getArn().replace(template.getResourceId(), id))
        .setCaptureTime(captured)
        .setConfigurationStateId(Long.toString(captured.toEpochMilli()))
        .build();
  }

  /** Runs the topology, then the passthrough, at each rate; adds one row per (rate, percentile). */
  void run(String guarantee, List<Integer> rates, Duration duration) throws Exception {
    String g = label(guarantee);
    String tag = "lat-" + g.toLowerCase();
    Topics topics = new Topics("bench-" + tag + ".");
    Path stateDir = Pipelines.tempDir("bench-state-" + tag + "-");
    StreamsSettings settings = Pipelines.settings(kafka.bootstrap(), topics, "bench-topology-" + tag, guarantee,
        COMMIT_INTERVAL, stateDir);
    Pipelines.ensureTopics(settings);
    Instant captured = Instant.now().minus(Duration.ofHours(1));
    kafka.produceSnapshots(topics.snapshots(), keys, k -> key((int) k, captured));
    Map<Integer, Map<String, Object>> topologyByRate = new LinkedHashMap<>();
    try (ComplianceStreamsApp app = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start()) {
      if (!app.awaitRunning(Duration.ofSeconds(120))) {
        throw new IllegalStateException("latency topology not RUNNING");
      }
      Deserializer<FindingDelta> deltas = AvroSerdes.findingDelta(SerdeConfig.singleObject()).deserializer();
      Function<byte[], String> eventIdOfDelta = bytes -> {
        FindingDelta d = deltas.deserialize(topics.deltas(), bytes);
        return d.getTrigger().getKind() == TriggerKind.EVENT ? d.getTrigger().getEventId() : null;
      };
      awaitLoaded(topics.deltas(), deltas);
      for (int rate : rates) {
        topologyByRate.put(rate, measure(topics.cloudTrail(), topics.deltas(), eventIdOfDelta, rate, duration, app.streams()));
      }
    } finally {
      BenchKafka.deleteRecursively(stateDir);
    }

    // Baseline: the same events, same guarantee and commit interval, through a no-op application.
    String input = "bench-" + tag + "-pass.events";
    String output = "bench-" + tag + "-pass.out";
    kafka.createTopic(input, Pipelines.PARTITIONS);
    kafka.createTopic(output, Pipelines.PARTITIONS);
    Deserializer<CloudTrailEvent> events = AvroSerdes.cloudTrailEvent(SerdeConfig.singleObject()).deserializer();
    Map<Integer, Map<String, Object>> passByRate = new LinkedHashMap<>();
    StreamsSettings pass = settings.withApplicationId("bench-passthrough-" + tag)
        .withStateDir(Pipelines.tempDir("bench-pass-").toString());
    try (KafkaStreams streams = Pipelines.passthrough(pass, input, output,
        AvroSerdes.cloudTrailEvent(SerdeConfig.singleObject()))) {
      Pipelines.startAndAwaitRunning(streams, Duration.ofSeconds(120));
      for (int rate : rates) {
        passByRate.put(rate, measure(input, output, b -> events.deserialize(output, b).getEventId(), rate, duration,
            streams));
      }
    }

    for (int rate : rates) {
      Map<String, Object> t = topologyByRate.get(rate);
      Map<String, Object> p = passByRate.get(rate);
      String measure = String.format("latency %s %,d ev/s", g, rate);
      String baseline = "no-op passthrough " + g;
      for (String q : List.of("p50", "p95", "p99", "max")) {
        double v = (double) t.get(q + "Ms");
        double b = (double) p.get(q + "Ms");
        boolean target = q.equals("p99") && rate == 1000 && guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2);
        results.add(new Results.Row(measure, q + " event → committed delta (commit interval "
            + COMMIT_INTERVAL.toMillis() + " ms)", v, "ms", baseline, b, v / b,
            target ? "≤ 250 ms" : "", target ? (v <= 250 ? "met" : "not met") : ""));
      }
      results.add(measure, String.format("events matched (of %,d sent)", (long) t.get("sent")),
          (long) t.get("matched"), "events", baseline, (long) p.get("matched"));
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("topology", t);
      detail.put("passthrough", p);
      detail.put("commitIntervalMs", COMMIT_INTERVAL.toMillis());
      detail.put("keys", keys);
      results.detail(tag + "-" + rate, detail);
    }
  }

  /** Waits until each loaded key's NEW delta of practice 25 is visible. */
  private void awaitLoaded(String deltaTopic, Deserializer<FindingDelta> deltas) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    long seen = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, deltaTopic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (seen < keys) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + seen + " of " + keys + " keys evaluated");
        }
        for (var r : consumer.poll(Duration.ofMillis(200))) {
          if (deltas.deserialize(deltaTopic, r.value()).getPractice() == 25) {
            seen++;
          }
        }
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
        ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private CloudTrailEvent event(int k, String eventId, long millis) {
    ResourceSnapshot key = key(k, Instant.EPOCH);
    boolean schedule = !pending[k];
    pending[k] = schedule;
    String request = schedule
        ? "{\"keyId\":\"" + key.getResourceId() + "\",\"pendingWindowInDays\":7}"
        : "{\"keyId\":\"" + key.getResourceId() + "\"}";
    String response = schedule
        ? "{\"keyId\":\"" + key.getArn() + "\",\"keyState\":\"PendingDeletion\"}"
        : "{\"keyId\":\"" + key.getArn() + "\"}";
    return CloudTrailEvent.newBuilder()
        .setEventId(eventId)
        .setEventTime(Instant.ofEpochMilli(millis))
        .setEventSource("kms.amazonaws.com")
        .setEventName(schedule ? "ScheduleKeyDeletion" : "CancelKeyDeletion")
        .setAwsRegion(key.getAwsRegion())
        .setRecipientAccountId(key.getAccountId())
        .setUserIdentity(UserIdentity.newBuilder().setType("IAMUser")
            .setArn("arn:aws:iam::" + key.getAccountId() + ":user/ops").setUserName("ops")
            .setAccountId(key.getAccountId()).setPrincipalId("AIDAEXAMPLE").build())
        .setSourceIPAddress("198.51.100.7")
        .setReadOnly(false)
        .setErrorCode(null)
        .setErrorMessage(null)
        .setRequestParameters(request)
        .setResponseElements(response)
        .setRawRecord("{}")
        .build();
  }

  /** Injects {@code rate} events/s for {@code duration}; latencies of the matched outputs. */
  private Map<String, Object> measure(String inputTopic, String outputTopic, Function<byte[], String> eventIdOf,
      int rate, Duration duration, KafkaStreams streams) throws InterruptedException {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Double> latencies = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    KafkaConsumer<byte[], byte[]> consumer = consumer();
    List<TopicPartition> partitions = partitions(consumer, outputTopic);
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve now, before the first event is sent
    Thread reader = new Thread(() -> {
      try (consumer) {
        while (!stop.get()) {
          var records = consumer.poll(Duration.ofMillis(50));
          long now = System.nanoTime();
          for (var r : records) {
            String id = eventIdOf.apply(r.value());
            Long sent = id == null ? null : sentAt.remove(id);
            if (sent != null) {
              synchronized (latencies) {
                latencies.add((now - sent) / 1e6);
              }
            }
          }
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "bench-latency-reader");
    reader.start();

    long total = (long) rate * duration.toSeconds();
    long period = 1_000_000_000L / rate;
    Map<String, Object> producerConfig = new HashMap<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1));
    var serializer = AvroSerdes.cloudTrailEvent(SerdeConfig.singleObject()).serializer();
    System.out.printf("  injecting %,d events at %,d/s into %s%n", total, rate, inputTopic);
    long behind = 0;
    try (KafkaProducer<String, CloudTrailEvent> producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), serializer)) {
      producer.partitionsFor(inputTopic); // metadata first
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + i * period;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        } else if (wait < -period) {
          behind++;
        }
        int k = (int) (eventCounter.get() % keys);
        String id = "bench-" + eventCounter.getAndIncrement();
        CloudTrailEvent e = event(k, id, System.currentTimeMillis());
        String key = e.getRecipientAccountId() + "/" + e.getAwsRegion();
        sentAt.put(id, System.nanoTime());
        producer.send(new ProducerRecord<>(inputTopic, null, System.currentTimeMillis(), key, e));
      }
      producer.flush();
    }
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (!sentAt.isEmpty() && System.nanoTime() < deadline && failure.get() == null) {
      if (streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("application failed: " + streams.state());
      }
      Thread.sleep(100);
    }
    stop.set(true);
    reader.join();
    if (failure.get() != null) {
      throw new IllegalStateException("latency reader failed", failure.get());
    }
    double[] sample;
    synchronized (latencies) {
      sample = latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }
    Percentiles p = new Percentiles(sample);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rate", rate);
    out.put("sent", total);
    out.put("matched", (long) p.count());
    out.put("unmatchedAfterDrain", (long) sentAt.size());
    out.put("sendsBehindSchedule", behind);
    out.put("p50Ms", p.at(50));
    out.put("p95Ms", p.at(95));
    out.put("p99Ms", p.at(99));
    out.put("maxMs", p.max());
    System.out.printf("  %s: matched %,d/%,d  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms%n", outputTopic,
        p.count(), total, p.at(50), p.at(95), p.at(99), p.max());
    return out;
  }
}
