package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production exception handler: an output record too large for its topic is dropped with one
 * WARN line instead of failing the stream thread on it forever, and dead-lettered, cut to size,
 * to the DLQ of the input it came from (snapshots, CloudTrail events or suppressions; an output of
 * a repartitioned or punctuated record has no such input and is only dropped). Kafka Streams counts
 * each drop in the task's {@code dropped-records} metric. Every other production error fails, as
 * Kafka's default handler does.
 *
 * <p>Two ways in: {@link OutputLimit} refuses the value at serialization, before anything is sent,
 * which works under exactly-once; a {@link RecordTooLargeException} from the producer or broker
 * (a record the limit let through, e.g. to a topic configured smaller) can be skipped only under
 * at-least-once, because the exactly-once producer has already doomed the transaction: there, and
 * for a state changelog (which must not lose a record), the handler names the record and fails,
 * and the health check reports the thread that keeps dying ({@link ThreadReplacements}).
 */
public final class OversizeRecordHandler implements ProductionExceptionHandler {

  /** Configuration key (set by {@link StreamsSettings#toProperties}) carrying the topic prefix. */
  static final String TOPICS_PREFIX_CONFIG = "compliance.topics.prefix";
  /** Header naming the topic the dropped output was meant for. */
  static final String OUTPUT_TOPIC = DeadLetterHeaders.OUTPUT_TOPIC;

  private static final Logger LOG = LoggerFactory.getLogger(OversizeRecordHandler.class);

  private Set<String> inputsWithDlq = Set.of();
  private boolean exactlyOnce = true;

  @Override
  public void configure(Map<String, ?> configs) {
    Object prefix = configs.get(TOPICS_PREFIX_CONFIG);
    Topics topics = new Topics(prefix == null ? "" : prefix.toString());
    inputsWithDlq = Set.of(topics.snapshots(), topics.cloudTrail(), topics.suppressions());
    exactlyOnce = !StreamsConfig.AT_LEAST_ONCE.equals(configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (!(exception instanceof RecordTooLargeException)) {
      return Response.fail();
    }
    // A changelog record is never dropped: the store would restore without it. Under exactly-once
    // the producer has already doomed the transaction.
    boolean changelog = record.topic().endsWith("-changelog");
    if (exactlyOnce || changelog) {
      LOG.error("a {}-byte record for {} (from {}) is too large for the topic and cannot be skipped ({}); "
          + "the stream thread fails: raise the topic's max.message.bytes or remove the input record ({})",
          size(record.value()), record.topic(), source(context),
          changelog ? "a state changelog" : "exactly-once", exception.getMessage());
      return Response.fail();
    }
    return drop(context, record.topic(), record.key(), record.value(), exception.getMessage());
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
      SerializationExceptionOrigin origin) {
    if (!(exception instanceof OutputLimit.TooLarge tooLarge)) {
      return Response.fail();
    }
    Object key = record.key();
    byte[] keyBytes = key instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
    return drop(context, record.topic(), keyBytes, tooLarge.serialized(), exception.getMessage());
  }

  private Response drop(ErrorHandlerContext context, String topic, byte[] key, byte[] value, String why) {
    String source = context.topic();
    if (source == null || !inputsWithDlq.contains(source)) {
      LOG.warn("dropped a {}-byte record for {} (from {}): {}; its source has no dead-letter topic",
          size(value), topic, source(context), why);
      return Response.resume();
    }
    String dlq = Topics.dlq(source);
    RecordHeaders headers = new RecordHeaders();
    DeadLetters.put(headers, DeadLetterHeaders.REASON, "output to " + topic + " dropped: " + why);
    DeadLetters.put(headers, DeadLetterHeaders.SOURCE_TOPIC, source);
    DeadLetters.put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(context.partition()));
    DeadLetters.put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(context.offset()));
    DeadLetters.put(headers, OUTPUT_TOPIC, topic);
    byte[] cut = DeadLetterSize.value(value, headers);
    LOG.warn("dropped a {}-byte record for {} (from {}): {}; dead-lettered to {}",
        size(value), topic, source(context), why, dlq);
    return Response.resume(List.of(new ProducerRecord<>(dlq, null, key, cut, headers)));
  }

  private static int size(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static String source(ErrorHandlerContext context) {
    return context.topic() == null ? "a punctuation" : context.topic() + "-" + context.partition() + "@" + context.offset();
  }
}
