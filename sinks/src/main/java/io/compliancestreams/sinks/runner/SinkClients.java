package io.compliancestreams.sinks.runner;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients of one sink, built from its settings before the runner exists: the consumer of
 * the delta topic (its own group, read_committed, manual commits) and the dead-letter writer (an
 * idempotent producer acknowledged by all replicas), its topic created when missing.
 */
record SinkClients(Consumer<byte[], byte[]> consumer, DeadLetters deadLetters) {

  static SinkClients open(SinkSettings settings, String sinkName) {
    String dlqTopic = settings.deadLetterTopic(sinkName);
    try (Admin admin = Admin.create(clientProps(settings, settings.kafka().admin(), Map.of()))) {
      DeadLetters.ensureTopic(admin, dlqTopic);
    }
    DeadLetters deadLetters = new DeadLetters(dlqTopic, new KafkaProducer<>(clientProps(settings,
        settings.kafka().producer(), Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-dlq")),
        new ByteArraySerializer(), new ByteArraySerializer()));
    try {
      return new SinkClients(new KafkaConsumer<>(consumerProps(settings), new ByteArrayDeserializer(),
          new ByteArrayDeserializer()), deadLetters);
    } catch (RuntimeException e) {
      deadLetters.close();
      throw e;
    }
  }

  private static Map<String, Object> consumerProps(SinkSettings settings) {
    Map<String, Object> props = clientProps(settings, settings.kafka().consumer(), Map.of());
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId());
    // The runner's guarantees rest on these: never overridden.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }

  /** The deployment's properties for this kind of client, the sink's overrides, then {@code fixed}. */
  private static Map<String, Object> clientProps(SinkSettings settings, Map<String, Object> kind,
      Map<String, Object> fixed) {
    Map<String, Object> props = new HashMap<>(kind);
    props.putAll(settings.clientOverrides());
    props.putAll(fixed);
    return props;
  }
}
