package io.compliancestreams.schemas.clients;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The base properties of each kind of Kafka client: {@code bootstrap.servers} plus whatever the
 * deployment sets (security protocol, SASL, TLS stores, timeouts), already merged (common settings,
 * then the client kind's overrides) and validated by the app. A module starts every client from
 * the matching map and adds only the fixed semantics it relies on (acks, idempotence, isolation,
 * serializers, group ids): it never builds connection settings of its own.
 *
 * <p>The maps may hold passwords, so {@link #toString()} shows property names only.
 *
 * @param producer base properties of a producer
 * @param consumer base properties of a consumer
 * @param admin base properties of an admin client
 * @param streams base properties of a Kafka Streams instance (may carry {@code producer.},
 *     {@code consumer.} and {@code admin.} prefixed overrides for its inner clients)
 */
public record KafkaClientConfig(
    Map<String, Object> producer,
    Map<String, Object> consumer,
    Map<String, Object> admin,
    Map<String, Object> streams) {

  /** The property every map holds. */
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

  public KafkaClientConfig {
    producer = checked(producer, "producer");
    consumer = checked(consumer, "consumer");
    admin = checked(admin, "admin");
    streams = checked(streams, "streams");
  }

  /** Plain connections to {@code bootstrapServers} and nothing else (tests, benchmarks, the demo). */
  public static KafkaClientConfig plaintext(String bootstrapServers) {
    Map<String, Object> only = Map.of(BOOTSTRAP_SERVERS, bootstrapServers);
    return new KafkaClientConfig(only, only, only, only);
  }

  public String bootstrapServers() {
    return String.valueOf(admin.get(BOOTSTRAP_SERVERS));
  }

  /** A mutable copy of the producer's base with {@code fixed} on top. */
  public Map<String, Object> producer(Map<String, ?> fixed) {
    return with(producer, fixed);
  }

  /** A mutable copy of the consumer's base with {@code fixed} on top. */
  public Map<String, Object> consumer(Map<String, ?> fixed) {
    return with(consumer, fixed);
  }

  /** A mutable copy of the admin client's base with {@code fixed} on top. */
  public Map<String, Object> admin(Map<String, ?> fixed) {
    return with(admin, fixed);
  }

  private static Map<String, Object> with(Map<String, Object> base, Map<String, ?> fixed) {
    Map<String, Object> copy = new HashMap<>(base);
    copy.putAll(fixed);
    return copy;
  }

  private static Map<String, Object> checked(Map<String, Object> map, String kind) {
    Objects.requireNonNull(map, kind);
    Object servers = map.get(BOOTSTRAP_SERVERS);
    if (servers == null || String.valueOf(servers).isBlank()) {
      throw new IllegalArgumentException(kind + " client properties lack " + BOOTSTRAP_SERVERS);
    }
    return Map.copyOf(map);
  }

  /** Names only: values may be passwords or JAAS configurations. */
  @Override
  public String toString() {
    return "KafkaClientConfig[" + BOOTSTRAP_SERVERS + "=" + bootstrapServers() + ", producer="
        + new TreeSet<>(producer.keySet()) + ", consumer=" + new TreeSet<>(consumer.keySet()) + ", admin="
        + new TreeSet<>(admin.keySet()) + ", streams=" + new TreeSet<>(streams.keySet()) + "]";
  }
}
