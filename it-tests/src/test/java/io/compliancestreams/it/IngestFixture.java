package io.compliancestreams.it;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.topology.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the tests of the `ingest` service share: its configuration and readers of its topics. */
final class IngestFixture {

  private IngestFixture() {}

  /** The service on this broker and emulator, one region, single-partition topics, plus {@code extra}. */
  static AppConfig config(KafkaBroker broker, AwsEmulator aws, Topics topics, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "AWS_ENDPOINT_URL", aws.endpoint().toString(),
        "TOPIC_PREFIX", topics.prefix(),
        "TOPIC_PARTITIONS", "1",
        "INGEST_REGIONS", "us-east-1"));
    env.putAll(extra);
    return AppConfig.load(null, env, Map.of());
  }

  /** A consumer of the whole topic, from the beginning, in a group of its own. */
  static KafkaConsumer<String, byte[]> reader(KafkaBroker broker, String topic) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  /** Adds the snapshots that arrive within half a second. */
  static void pollSnapshots(KafkaConsumer<String, byte[]> consumer, List<ResourceSnapshot> into) {
    var deserializer = AvroSerdes.resourceSnapshot(SerdeConfig.singleObject()).deserializer();
    consumer.poll(Duration.ofMillis(500)).forEach(r -> into.add(deserializer.deserialize(r.topic(), r.value())));
  }
}
