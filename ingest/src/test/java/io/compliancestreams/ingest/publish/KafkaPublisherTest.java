package io.compliancestreams.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.EventResource;
import io.compliancestreams.schemas.avro.UserIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The one test against a real broker: what the publisher writes is what the topology will read. */
class KafkaPublisherTest {

  @Test
  void shouldPublishDecodableEventsKeyedByAccountAndRegionAndDeadLettersWithHeaders() throws Exception {
    TopicNames topics = new TopicNames("snapshots-" + UUID.randomUUID(), "cloudtrail-" + UUID.randomUUID());
    CloudTrailEvent event = CloudTrailEvent.newBuilder()
        .setEventId("12345678-1234-1234-1234-111111111111").setEventTime(Instant.parse("2024-01-15T10:45:23Z"))
        .setEventSource("s3.amazonaws.com").setEventName("PutBucketEncryption").setAwsRegion("us-east-1")
        .setRecipientAccountId("111111111111")
        .setUserIdentity(UserIdentity.newBuilder().setType("AssumedRole").build())
        .setResources(List.<EventResource>of()).setRawRecord("{}").build();

    try (KafkaBroker broker = KafkaBroker.start()) {
      Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
      try (Admin admin = Admin.create(client)) {
        admin.createTopics(List.of(new NewTopic(topics.cloudTrail(), 1, (short) 1),
            new NewTopic(topics.cloudTrailDlq(), 1, (short) 1))).all().get();
      }
      try (KafkaPublisher publisher = KafkaPublisher.create(client, SerdeConfig.singleObject(), topics)) {
        publisher.event(event).get();
        publisher.deadLetter(new DeadLetter(DeadLetter.Stream.CLOUDTRAIL, null,
            "{broken".getBytes(StandardCharsets.UTF_8), "not JSON", "replay.jsonl:3",
            IllegalArgumentException.class.getName())).get();
      }

      List<ConsumerRecord<String, byte[]>> events = readAll(broker, topics.cloudTrail(), 1);
      List<ConsumerRecord<String, byte[]>> dead = readAll(broker, topics.cloudTrailDlq(), 1);

      assertThat(events.get(0).key()).isEqualTo("111111111111/us-east-1");
      assertThat(AvroSerdes.cloudTrailEvent(SerdeConfig.singleObject()).deserializer()
          .deserialize(topics.cloudTrail(), events.get(0).value())).isEqualTo(event);
      assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
      // The names the topology and the sinks write to their DLQs too (schemas/README.md).
      assertThat(header(dead.get(0), "dlq.reason")).isEqualTo("not JSON");
      assertThat(header(dead.get(0), "dlq.source.location")).isEqualTo("replay.jsonl:3");
      assertThat(header(dead.get(0), "dlq.exception.class")).isEqualTo(IllegalArgumentException.class.getName());
      assertThat(dead.get(0).headers().lastHeader("dlq.exception")).isNull();
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(KafkaBroker broker, String topic, int expected) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", broker.bootstrapServers(), "group.id", "test-" + UUID.randomUUID(),
        "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        return out.size() >= expected;
      });
    }
    return out;
  }
}
