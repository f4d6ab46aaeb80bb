package io.compliancestreams.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.UserIdentity;
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
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Poison pills on the input topics of a running exactly-once application on a real broker: each
 * lands in its topic's DLQ with its reason (a bad suppression through the suppression audit), the
 * pipeline never stalls, and the good records around them produce their deltas.
 */
class PoisonPillPipelineTest {

  private static final SerdeConfig SERDES = SerdeConfig.singleObject();

  private static ResourceSnapshot bucket(String name) {
    ResourceSnapshot template = SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0));
    return ResourceSnapshot.newBuilder(template).setResourceId(name).setResourceName(name).setArn("arn:aws:s3:::" + name).build();
  }

  @Test
  void shouldDeadLetterEveryPoisonPillWithItsReasonAndProcessTheGoodRecordsAroundThem() throws Exception {
    Topics topics = new Topics("poison.");
    try (KafkaBroker broker = KafkaBroker.start()) {
      StreamsSettings base = StreamsSettings.defaults(broker.bootstrapServers(), Files.createTempDirectory("poison").toString());
      StreamsSettings settings = new StreamsSettings("poison-" + UUID.randomUUID(), base.bootstrapServers(), topics, 2,
          (short) 1, base.processingGuarantee(), base.stateDir(), base.commitInterval(), base.recheckPoll(),
          base.scopeDebounce(), base.eventDedupeWindow(), SERDES, true, null, null);
      Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
      long t = Instant.parse("2026-06-01T01:00:00Z").toEpochMilli();
      byte[] goodBytes = AvroSerdes.resourceSnapshot(SERDES).serializer().serialize("x", bucket("good-0"));
      try (ComplianceStreamsApp app = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start();
          KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        List<String> goodKeys = new ArrayList<>();
        int good = 0;
        for (Map.Entry<String, byte[]> pill : snapshotPills(goodBytes).entrySet()) {
          ResourceSnapshot ok = bucket("good-" + good++);
          goodKeys.add(SnapshotRecords.key(ok));
          send(raw, topics.snapshots(), SnapshotRecords.key(ok), AvroSerdes.resourceSnapshot(SERDES).serializer().serialize("x", ok), t);
          String key = pill.getKey().startsWith("empty-key") ? "" : "111122223333/us-east-1/AWS::S3::Bucket/" + pill.getKey();
          send(raw, topics.snapshots(), key, pill.getValue(), t);
        }
        ResourceSnapshot last = bucket("good-last");
        goodKeys.add(SnapshotRecords.key(last));
        send(raw, topics.snapshots(), SnapshotRecords.key(last), AvroSerdes.resourceSnapshot(SERDES).serializer().serialize("x", last), t);
        // CloudTrail: random bytes and a record without an event name.
        send(raw, topics.cloudTrail(), "111122223333/us-east-1", new byte[] {7, 7, 7, 7}, t);
        CloudTrailEvent nameless = CloudTrailEvent.newBuilder().setEventId("evt-nameless").setEventTime(Instant.ofEpochMilli(t))
            .setEventSource("kms.amazonaws.com").setEventName("").setAwsRegion("us-east-1").setRecipientAccountId("111122223333")
            .setUserIdentity(UserIdentity.newBuilder().setType("IAMUser").build()).setRawRecord("{}").build();
        send(raw, topics.cloudTrail(), "111122223333/us-east-1", AvroSerdes.cloudTrailEvent(SERDES).serializer().serialize("x", nameless), t);
        // Suppressions: random bytes are skipped by the global store (and logged), must not stop the
        // application, and are dead-lettered by the suppression audit.
        send(raw, topics.suppressions(), "sup-bad", new byte[] {1, 2, 3}, t);

        List<FindingDelta> deltas = new ArrayList<>();
        try (KafkaConsumer<String, FindingDelta> consumer = consumer(broker, AvroSerdes.findingDelta(SERDES).deserializer())) {
          consumer.subscribe(List.of(topics.deltas()));
          await("every good bucket evaluated").atMost(Duration.ofSeconds(90)).until(() -> {
            consumer.poll(Duration.ofMillis(300)).forEach(r -> deltas.add(r.value()));
            return deltas.stream().filter(d -> d.getPractice() == 10).map(FindingDelta::getResourceKey).distinct().count()
                >= goodKeys.size();
          });
        }
        assertThat(deltas.stream().filter(d -> d.getPractice() == 10).map(FindingDelta::getResourceKey).distinct())
            .containsExactlyInAnyOrderElementsOf(goodKeys);

        List<String> snapshotReasons = reasons(broker, Topics.dlq(topics.snapshots()), 7);
        assertThat(snapshotReasons).hasSize(7);
        assertThat(snapshotReasons).anyMatch(r -> r.contains("unknown schema fingerprint") || r.contains("UNKNOWN_HEADER")
            || r.contains("header") || r.contains("marker"));
        assertThat(snapshotReasons).anyMatch(r -> r.contains("no key"));
        assertThat(snapshotReasons).anyMatch(r -> r.contains("unknown resource type AWS::EC2::Instance"));
        assertThat(snapshotReasons).anyMatch(r -> r.startsWith("configuration: is not valid JSON"));
        assertThat(snapshotReasons).anyMatch(r -> r.contains("over the") && r.contains("input limit"));
        assertThat(snapshotReasons).anyMatch(r -> r.contains("9999"));
        List<String> eventReasons = reasons(broker, Topics.dlq(topics.cloudTrail()), 2);
        assertThat(eventReasons).hasSize(2);
        assertThat(eventReasons).anyMatch(r -> r.contains("eventName"));
        List<String> suppressionReasons = reasons(broker, Topics.dlq(topics.suppressions()), 1);
        assertThat(suppressionReasons).containsExactly("topic " + topics.suppressions()
            + ": truncated payload: 3 bytes, shorter than the 10-byte single-object header");
      }
    }
  }

  /** Seven kinds of bad snapshot record, by label. */
  private static Map<String, byte[]> snapshotPills(byte[] goodBytes) {
    Map<String, byte[]> pills = new java.util.LinkedHashMap<>();
    byte[] random = new byte[64];
    new Random(42).nextBytes(random);
    pills.put("random-bytes", random);
    pills.put("truncated", Arrays.copyOf(goodBytes, goodBytes.length / 2));
    pills.put("empty-key", goodBytes);
    ResourceSnapshot base = bucket("pill");
    pills.put("unknown-type", AvroSerdes.resourceSnapshot(SERDES).serializer().serialize("x",
        ResourceSnapshot.newBuilder(base).setResourceType("AWS::EC2::Instance").setResourceId("unknown-type").build()));
    pills.put("not-json", AvroSerdes.resourceSnapshot(SERDES).serializer().serialize("x",
        ResourceSnapshot.newBuilder(base).setResourceId("not-json").setConfiguration("{oops").build()));
    ResourceSnapshot policy = SnapshotRecords.of(PracticeFixtures.load(1, "fail-star-on-star.json").items().get(0));
    String huge = "{\"policyVersionList\":[{\"document\":\"" + "A".repeat(5 * 1024 * 1024) + "\",\"isDefaultVersion\":true}]}";
    pills.put("huge-policy", AvroSerdes.resourceSnapshot(SERDES).serializer().serialize("x",
        ResourceSnapshot.newBuilder(policy).setConfiguration(huge).build()));
    pills.put("year-9999", AvroSerdes.resourceSnapshot(SERDES).serializer().serialize("x",
        ResourceSnapshot.newBuilder(base).setResourceId("year-9999").setCaptureTime(Instant.parse("9999-01-01T00:00:00Z")).build()));
    return pills;
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value, long t) throws Exception {
    producer.send(new ProducerRecord<>(topic, null, t, key, value)).get();
  }

  private static <V> KafkaConsumer<String, V> consumer(KafkaBroker broker, org.apache.kafka.common.serialization.Deserializer<V> values) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "poison-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024), new StringDeserializer(), values);
  }

  private static List<String> reasons(KafkaBroker broker, String dlq, int expected) {
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(broker, new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(dlq));
      await("dead letters on " + dlq).atMost(Duration.ofSeconds(60)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
          var h = r.headers().lastHeader("dlq.reason");
          out.add(h == null ? "<no reason>" : new String(h.value(), StandardCharsets.UTF_8));
        }
        return out.size() >= expected;
      });
    }
    return out;
  }
}
