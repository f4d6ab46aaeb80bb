package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.schemas.topics.CompactedTopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A string map kept in a compacted Kafka topic: read to the end at start, then written through
 * (the write is acknowledged before {@link #put} returns). Sinks use it to remember what they
 * created outside Kafka (finding → Slack thread ts, finding → Jira issue key), so a restart or a
 * replay never creates a second one.
 */
public final class CompactedTopicMap implements AutoCloseable {

  /** Generous: the map is read once at start, and a sink that cannot read it must not start. */
  private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);

  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final Map<String, String> values = new ConcurrentHashMap<>();

  private CompactedTopicMap(String topic, KafkaProducer<String, String> producer) {
    this.topic = topic;
    this.producer = producer;
  }

  /** Creates the topic if missing (compacted, 1 partition), then loads it. */
  public static CompactedTopicMap open(String bootstrapServers, String topic, short replication) {
    return open(KafkaClientConfig.plaintext(bootstrapServers), topic, replication);
  }

  /** The same over the deployment's Kafka client properties. */
  public static CompactedTopicMap open(KafkaClientConfig kafka, String topic, short replication) {
    ensureTopic(kafka, topic, replication);
    KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producer(Map.of(
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
        new StringSerializer(), new StringSerializer());
    CompactedTopicMap map = new CompactedTopicMap(topic, producer);
    map.load(kafka);
    return map;
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Stores and waits for the broker's acknowledgement. */
  public void put(String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write " + topic + ": " + e.getMessage(), e);
    }
    values.put(key, value);
  }

  public int size() {
    return values.size();
  }

  private void load(KafkaClientConfig kafka) {
    new CompactedTopicReader(kafka.consumer(Map.of()), "compacted-map-" + topic, LOAD_TIMEOUT)
        .readToEnd(topic, r -> {
          if (r.value() == null) {
            values.remove(r.key());
          } else {
            values.put(r.key(), new String(r.value(), StandardCharsets.UTF_8));
          }
        });
  }

  private static void ensureTopic(KafkaClientConfig kafka, String topic, short replication) {
    try (Admin admin = Admin.create(kafka.admin())) {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, 1, replication)
            .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
