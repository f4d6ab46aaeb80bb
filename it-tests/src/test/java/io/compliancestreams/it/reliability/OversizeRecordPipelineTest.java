package io.compliancestreams.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Issue 17.2 on a real broker: a gzip-compressed ~10 MB snapshot passes the broker (its
 * {@code max.message.bytes} applies to the compressed batch) but is far larger than any record the
 * application may write. It must be dead-lettered cut to size, with its original size, source
 * offset and reason, and the good snapshots after it on the same partition must get their deltas
 * with no stream thread replaced. Before the fix the DLQ write failed with
 * {@code RecordTooLargeException} and the thread was replaced over and over on that record.
 */
class OversizeRecordPipelineTest {

  private static final SerdeConfig SERDES = SerdeConfig.singleObject();
  private static final int PARTITIONS = 2;
  private static final int HUGE_CONFIGURATION_CHARS = 10 * 1024 * 1024;

  private static ResourceSnapshot bucket(String name) {
    ResourceSnapshot template = SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0));
    return ResourceSnapshot.newBuilder(template).setResourceId(name).setResourceName(name).setArn("arn:aws:s3:::" + name).build();
  }

  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  @Test
  void shouldDeadLetterACompressedTenMegabyteSnapshotCutToSizeAndGoOnWithThePartition() throws Exception {
    Topics topics = new Topics("oversize.");
    try (KafkaBroker broker = KafkaBroker.start()) {
      StreamsSettings base = StreamsSettings.defaults(broker.bootstrapServers(), Files.createTempDirectory("oversize").toString());
      StreamsSettings settings = new StreamsSettings("oversize-" + UUID.randomUUID(), base.bootstrapServers(), topics,
          PARTITIONS, (short) 1, base.processingGuarantee(), base.stateDir(), base.commitInterval(), base.recheckPoll(),
          base.scopeDebounce(), base.eventDedupeWindow(), SERDES, true, null, null);
      // What a producer needs to write it: gzip, and a request size above the uncompressed record.
      Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
          ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
      long t = Instant.now().toEpochMilli();
      var serializer = AvroSerdes.resourceSnapshot(SERDES).serializer();
      try (ComplianceStreamsApp app = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start();
          KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();

        // A valid snapshot whose configuration is 10 MiB of one character: about 10 KB gzipped.
        ResourceSnapshot huge = ResourceSnapshot.newBuilder(bucket("huge"))
            .setConfiguration("{\"padding\":\"" + "A".repeat(HUGE_CONFIGURATION_CHARS) + "\"}").build();
        String hugeKey = SnapshotRecords.key(huge);
        int partition = partitionOf(hugeKey);
        byte[] hugeBytes = serializer.serialize("x", huge);
        RecordMetadata hugeAt = producer.send(new ProducerRecord<>(topics.snapshots(), partition, t, hugeKey, hugeBytes)).get();

        // Good snapshots after it, on the same partition (keys chosen by the default partitioner).
        List<String> goodKeys = new ArrayList<>();
        for (int i = 0; goodKeys.size() < 5; i++) {
          ResourceSnapshot good = bucket("after-huge-" + i);
          String key = SnapshotRecords.key(good);
          if (partitionOf(key) == partition) {
            goodKeys.add(key);
            producer.send(new ProducerRecord<>(topics.snapshots(), partition, t, key, serializer.serialize("x", good))).get();
          }
        }

        Set<String> evaluated = new TreeSet<>();
        try (KafkaConsumer<String, FindingDelta> deltas = consumer(broker, AvroSerdes.findingDelta(SERDES).deserializer())) {
          deltas.subscribe(List.of(topics.deltas()));
          await("deltas of the good snapshots after the huge one").atMost(Duration.ofSeconds(30)).until(() -> {
            deltas.poll(Duration.ofMillis(300)).forEach(r -> evaluated.add(r.value().getResourceKey()));
            return evaluated.containsAll(goodKeys);
          });
        }
        assertThat(evaluated).containsAll(goodKeys).doesNotContain(hugeKey);

        ConsumerRecord<String, byte[]> dead = onlyDeadLetter(broker, Topics.dlq(topics.snapshots()));
        assertThat(dead.key()).isEqualTo(hugeKey);
        assertThat(header(dead, "dlq.reason")).isEqualTo("record is " + hugeBytes.length
            + " bytes, over the 524288-byte input limit");
        assertThat(header(dead, "dlq.truncated")).isEqualTo("true");
        assertThat(header(dead, "dlq.original.size")).isEqualTo(Integer.toString(hugeBytes.length));
        assertThat(header(dead, "dlq.source.topic")).isEqualTo(topics.snapshots());
        assertThat(header(dead, "dlq.source.partition")).isEqualTo(Integer.toString(partition));
        assertThat(header(dead, "dlq.source.offset")).isEqualTo(Long.toString(hugeAt.offset()));
        // The first 512 KiB of the original: fits Kafka's default 1 MiB limit.
        assertThat(dead.value()).hasSize(512 * 1024);
        assertThat(dead.value()).isEqualTo(Arrays.copyOf(hugeBytes, 512 * 1024));

        assertThat(app.threadReplacements()).as("stream threads replaced").isZero();
        assertThat(app.problem()).isEmpty();
      }
    }
  }

  private static <V> KafkaConsumer<String, V> consumer(KafkaBroker broker, Deserializer<V> values) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "oversize-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values);
  }

  private static ConsumerRecord<String, byte[]> onlyDeadLetter(KafkaBroker broker, String dlq) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(broker, new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(dlq));
      await("the dead letter on " + dlq).atMost(Duration.ofSeconds(15)).until(() -> {
        consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        return !out.isEmpty();
      });
      // Anything else committed by now would be a second dead letter.
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
