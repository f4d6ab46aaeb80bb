package io.compliancestreams.app.config;

import io.compliancestreams.schemas.clients.KafkaClientConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The one Kafka client configuration of the process, from {@code kafka.bootstrap.servers} and the
 * {@code kafka.*} pass-through keys (already validated by {@link AppConfig#load}): {@code common}
 * reaches every client, each other map one kind of client and wins over {@code common}. Every
 * module gets its clients' base properties from {@link #clients()}; none builds its own.
 *
 * @param common {@code bootstrap.servers} and the {@code kafka.<property>} keys
 * @param producer the {@code kafka.producer.<property>} keys
 * @param consumer the {@code kafka.consumer.<property>} keys
 * @param admin the {@code kafka.admin.<property>} keys
 * @param streams the {@code kafka.streams.<property>} keys
 */
public record KafkaClientSettings(
    Map<String, Object> common,
    Map<String, Object> producer,
    Map<String, Object> consumer,
    Map<String, Object> admin,
    Map<String, Object> streams) {

  public KafkaClientSettings {
    common = Map.copyOf(common);
    producer = Map.copyOf(producer);
    consumer = Map.copyOf(consumer);
    admin = Map.copyOf(admin);
    streams = Map.copyOf(streams);
  }

  /** The settings of {@code config}; a ConfigException names {@code kafka.bootstrap.servers} if unset. */
  public static KafkaClientSettings of(AppConfig config) {
    Map<String, Object> common = new HashMap<>();
    common.put(KafkaClientConfig.BOOTSTRAP_SERVERS, config.string(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS));
    Map<KafkaPassThrough.Scope, Map<String, Object>> scoped = new HashMap<>();
    for (KafkaPassThrough.Scope scope : KafkaPassThrough.Scope.values()) {
      scoped.put(scope, new HashMap<>());
    }
    scoped.put(KafkaPassThrough.Scope.COMMON, common);
    config.kafkaPassThrough().forEach((key, value) -> scoped.get(key.scope()).put(key.property(), value));
    return new KafkaClientSettings(common, scoped.get(KafkaPassThrough.Scope.PRODUCER),
        scoped.get(KafkaPassThrough.Scope.CONSUMER), scoped.get(KafkaPassThrough.Scope.ADMIN),
        scoped.get(KafkaPassThrough.Scope.STREAMS));
  }

  /**
   * Each kind of client's base properties: the common ones it knows (a producer is not handed
   * {@code fetch.min.bytes}, which it would log as unknown), then its own. Kafka Streams gets every
   * common one (it hands each inner client the ones it knows), its own, and the per-client keys
   * with Streams' {@code producer.}, {@code consumer.} and {@code admin.} prefixes, so its inner
   * clients are configured like the product's other clients.
   */
  public KafkaClientConfig clients() {
    Map<String, Object> streamsMap = new HashMap<>(common);
    streamsMap.putAll(streams);
    producer.forEach((k, v) -> streamsMap.put(StreamsConfig.producerPrefix(k), v));
    consumer.forEach((k, v) -> streamsMap.put(StreamsConfig.consumerPrefix(k), v));
    admin.forEach((k, v) -> streamsMap.put(StreamsConfig.adminClientPrefix(k), v));
    return new KafkaClientConfig(
        merged(ProducerConfig.configNames(), producer),
        merged(ConsumerConfig.configNames(), consumer),
        merged(AdminClientConfig.configNames(), admin),
        streamsMap);
  }

  private Map<String, Object> merged(java.util.Set<String> known, Map<String, Object> own) {
    Map<String, Object> map = new HashMap<>();
    common.forEach((k, v) -> {
      if (known.contains(k)) {
        map.put(k, v);
      }
    });
    map.putAll(own);
    return map;
  }

  /** Names only: values may be passwords or JAAS configurations. */
  @Override
  public String toString() {
    return "KafkaClientSettings[common=" + new TreeSet<>(common.keySet()) + ", producer="
        + new TreeSet<>(producer.keySet()) + ", consumer=" + new TreeSet<>(consumer.keySet()) + ", admin="
        + new TreeSet<>(admin.keySet()) + ", streams=" + new TreeSet<>(streams.keySet()) + "]";
  }
}
