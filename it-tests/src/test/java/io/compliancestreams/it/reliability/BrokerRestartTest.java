package io.compliancestreams.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.devkit.LoopbackPorts;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.ComplianceStreamsApp;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * The broker is stopped in the middle of a run and started again on the same data and port: the
 * application recovers on its own, and every expected delta arrives exactly once.
 */
class BrokerRestartTest {

  private static final int BUCKETS = 60;

  private static ResourceSnapshot bucket(int i, boolean encrypted) {
    ResourceSnapshot template = SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0));
    ResourceSnapshot encryptedTemplate = SnapshotRecords.of(PracticeFixtures.load(10, "pass-sse-s3-default.json").items().get(0));
    String name = "restart-bucket-" + i;
    return ResourceSnapshot.newBuilder(template).setResourceId(name).setResourceName(name)
        .setArn("arn:aws:s3:::" + name)
        .setSupplementaryConfiguration(encrypted ? encryptedTemplate.getSupplementaryConfiguration()
            : template.getSupplementaryConfiguration())
        .build();
  }

  @Test
  void shouldLoseAndDuplicateNothingWhenTheBrokerRestartsMidRun() throws Exception {
    Path data = Files.createTempDirectory("restart-broker");
    int port = LoopbackPorts.free();
    int controller = LoopbackPorts.free();
    Topics topics = new Topics("restart.");
    try (KafkaBroker broker = KafkaBroker.startInJvm(data, port, controller)) {
      StreamsSettings base = StreamsSettings.defaults(broker.bootstrapServers(),
          Files.createTempDirectory("restart-state").toString());
      StreamsSettings settings = new StreamsSettings("restart-" + UUID.randomUUID(), base.bootstrapServers(), topics,
          2, (short) 1, base.processingGuarantee(), base.stateDir(), base.commitInterval(), base.recheckPoll(),
          base.scopeDebounce(), base.eventDedupeWindow(), SerdeConfig.singleObject(), true, null, null);
      Map<String, Object> producerConfig = Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
      long t = Instant.parse("2026-06-01T01:00:00Z").toEpochMilli();
      try (ComplianceStreamsApp app = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start();
          KafkaProducer<String, ResourceSnapshot> producer = new KafkaProducer<>(producerConfig,
              new StringSerializer(), AvroSerdes.resourceSnapshot(SerdeConfig.singleObject()).serializer())) {
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        // First half: every bucket fails (NEW FAIL).
        for (int i = 0; i < BUCKETS; i++) {
          ResourceSnapshot s = bucket(i, false);
          producer.send(new ProducerRecord<>(topics.snapshots(), null, t, SnapshotRecords.key(s), s)).get();
        }
        broker.stop();
        Thread.sleep(3_000); // the outage: clients retry against a dead port
        broker.restart();
        // Second half, after the restart: every bucket is fixed (RESOLVED).
        for (int i = 0; i < BUCKETS; i++) {
          ResourceSnapshot s = SnapshotRecords.later(bucket(i, true), Instant.ofEpochMilli(t + 60_000));
          producer.send(new ProducerRecord<>(topics.snapshots(), null, t + 60_000, SnapshotRecords.key(s), s)).get();
        }
        List<FindingDelta> deltas = readDeltas(broker.bootstrapServers(), topics.deltas(), 2 * BUCKETS);
        assertThat(app.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

        List<FindingDelta> encryption = deltas.stream().filter(d -> d.getPractice() == 10).toList();
        Set<String> ids = new HashSet<>();
        encryption.forEach(d -> ids.add(d.getDeltaId()));
        assertThat(ids).as("no duplicate delta").hasSize(encryption.size());
        assertThat(encryption).as("one NEW FAIL and one RESOLVED per bucket").hasSize(2 * BUCKETS);
        assertThat(encryption.stream().filter(d -> d.getChangeKind().name().equals("NEW"))).hasSize(BUCKETS);
        assertThat(encryption.stream().filter(d -> d.getChangeKind().name().equals("RESOLVED"))).hasSize(BUCKETS);
      }
    }
  }

  private static List<FindingDelta> readDeltas(String bootstrap, String topic, int practice10Expected) {
    List<FindingDelta> out = new ArrayList<>();
    try (KafkaConsumer<String, FindingDelta> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "restart-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), AvroSerdes.findingDelta(SerdeConfig.singleObject()).deserializer())) {
      consumer.subscribe(List.of(topic));
      await("all encryption deltas committed").atMost(Duration.ofSeconds(120)).until(() -> {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> out.add(r.value()));
        return out.stream().filter(d -> d.getPractice() == 10).count() >= practice10Expected;
      });
      long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < quietUntil) {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> out.add(r.value()));
      }
    }
    return out;
  }
}
