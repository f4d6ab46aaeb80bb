package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import io.compliancestreams.schemas.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes records the sink gave up on to {@code <delta topic>.<sink>.dlq}: the original key and
 * value bytes, unchanged, with the headers the whole project uses ({@code dlq.reason},
 * {@code dlq.source.topic}, {@code dlq.source.partition}, {@code dlq.source.offset},
 * {@code dlq.exception.class}) plus {@code dlq.attempts}; the reason is redacted of secrets. The send is acknowledged before the
 * runner moves on, so a committed offset never hides a record that is in neither place.
 */
final class DeadLetters implements AutoCloseable {

  private final String topic;
  private final Producer<byte[], byte[]> producer;

  DeadLetters(String topic, Producer<byte[], byte[]> producer) {
    this.topic = topic;
    this.producer = producer;
  }

  String topic() {
    return topic;
  }

  void send(ConsumerRecord<byte[], byte[]> source, String reason, int attempts, String exceptionClass) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.REASON, utf8(reason == null ? "(no message)" : Redactor.redact(reason)));
    headers.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(source.topic()));
    headers.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
    headers.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(source.offset())));
    headers.add(DeadLetterHeaders.ATTEMPTS, utf8(Integer.toString(attempts)));
    headers.add(DeadLetterHeaders.EXCEPTION_CLASS, utf8(exceptionClass));
    try {
      producer.send(new ProducerRecord<>(topic, null, source.key(), source.value(), headers))
          .get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e, e);
    }
  }

  /** Creates the dead-letter topic with the broker's defaults when it does not exist yet. */
  static void ensureTopic(Admin admin, String topic) {
    try {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.empty(), java.util.Optional.empty())))
            .all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic + ": " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating " + topic, e);
    }
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(10));
  }
}
