package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * An output too large for its topic is dropped and dead-lettered (cut to size) to the DLQ of the
 * input it came from, instead of failing the stream thread on it forever.
 */
class OversizeRecordHandlerTest {

  private static final Topics TOPICS = new Topics("p.");

  /** Where the failing record came from, as Kafka Streams describes it. */
  private record Source(String topic, int partition, long offset) implements ErrorHandlerContext {
    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "deltas-sink";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, partition);
    }

    @Override
    public long timestamp() {
      return 0;
    }

    @Override
    public byte[] sourceRawKey() {
      return null;
    }

    @Override
    public byte[] sourceRawValue() {
      return null;
    }
  }

  private static OversizeRecordHandler handler(String guarantee) {
    OversizeRecordHandler handler = new OversizeRecordHandler();
    handler.configure(Map.of(OversizeRecordHandler.TOPICS_PREFIX_CONFIG, TOPICS.prefix(),
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee));
    return handler;
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static OutputLimit.TooLarge tooLarge(String topic, int size) {
    var serde = OutputLimit.of(Serdes.ByteArray(), 1000);
    try {
      serde.serializer().serialize(topic, new byte[size]);
    } catch (OutputLimit.TooLarge e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  void shouldRefuseAnOutputValueOverTheLimitAtSerialization() {
    var serde = OutputLimit.of(Serdes.ByteArray(), 1000);
    assertThat(serde.serializer().serialize("t", new byte[1000])).hasSize(1000);
    assertThatThrownBy(() -> serde.serializer().serialize("t", new byte[1001]))
        .isInstanceOf(SerializationException.class)
        .hasMessage("value for t is 1001 bytes, over the 1000-byte output limit");
    assertThat(OutputLimit.MAX_VALUE_BYTES).isEqualTo(983_040);
  }

  @Test
  void shouldDropARefusedOutputAndDeadLetterItCutToSizeToItsInputsDlq() {
    OutputLimit.TooLarge e = tooLarge(TOPICS.deltas(), 2 * 1024 * 1024);
    Response response = handler(StreamsConfig.EXACTLY_ONCE_V2).handleSerializationError(
        new Source(TOPICS.snapshots(), 1, 42), new ProducerRecord<>(TOPICS.deltas(), "key-1", "a delta"), e,
        SerializationExceptionOrigin.VALUE);
    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
    assertThat(dead.topic()).isEqualTo("p.aws.resource.snapshot.v1.dlq");
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("key-1");
    assertThat(dead.value()).hasSize(512 * 1024);
    assertThat(header(dead, "dlq.reason")).isEqualTo("output to p.compliance.finding.delta.v1 dropped: value for "
        + "p.compliance.finding.delta.v1 is 2097152 bytes, over the 1000-byte output limit");
    assertThat(header(dead, "dlq.source.topic")).isEqualTo(TOPICS.snapshots());
    assertThat(header(dead, "dlq.source.partition")).isEqualTo("1");
    assertThat(header(dead, "dlq.source.offset")).isEqualTo("42");
    assertThat(header(dead, "dlq.output.topic")).isEqualTo(TOPICS.deltas());
    assertThat(header(dead, "dlq.truncated")).isEqualTo("true");
    assertThat(header(dead, "dlq.original.size")).isEqualTo("2097152");
  }

  @Test
  void shouldOnlyDropARefusedOutputWhoseSourceHasNoDlq() {
    Response response = handler(StreamsConfig.EXACTLY_ONCE_V2).handleSerializationError(
        new Source("app-scope-input-repartition", 0, 7), new ProducerRecord<>(TOPICS.deltas(), "k", "v"),
        tooLarge(TOPICS.deltas(), 2000), SerializationExceptionOrigin.VALUE);
    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void shouldFailOnAnyOtherSerializationError() {
    Response response = handler(StreamsConfig.EXACTLY_ONCE_V2).handleSerializationError(
        new Source(TOPICS.snapshots(), 0, 1), new ProducerRecord<>(TOPICS.deltas(), "k", "v"),
        new SerializationException("schema registry said no"), SerializationExceptionOrigin.VALUE);
    assertThat(response.result()).isEqualTo(Result.FAIL);
  }

  @Test
  void shouldDropARecordTheProducerFoundTooLargeUnderAtLeastOnce() {
    Response response = handler(StreamsConfig.AT_LEAST_ONCE).handleError(new Source(TOPICS.cloudTrail(), 0, 3),
        new ProducerRecord<>(TOPICS.rescans(), "k".getBytes(StandardCharsets.UTF_8), new byte[10]),
        new RecordTooLargeException("The message is 10486825 bytes when serialized"));
    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement()
        .satisfies(r -> assertThat(r.topic()).isEqualTo("p.aws.cloudtrail.event.v1.dlq"));
  }

  @Test
  void shouldFailOnARecordTheProducerFoundTooLargeUnderExactlyOnceOrForAChangelog() {
    var tooLarge = new RecordTooLargeException("The message is 10486825 bytes when serialized");
    var delta = new ProducerRecord<>(TOPICS.deltas(), new byte[1], new byte[10]);
    assertThat(handler(StreamsConfig.EXACTLY_ONCE_V2).handleError(new Source(TOPICS.snapshots(), 0, 3), delta, tooLarge)
        .result()).isEqualTo(Result.FAIL);
    var changelog = new ProducerRecord<>("app-resource-state-changelog", new byte[1], new byte[10]);
    assertThat(handler(StreamsConfig.AT_LEAST_ONCE).handleError(new Source(TOPICS.snapshots(), 0, 3), changelog, tooLarge)
        .result()).isEqualTo(Result.FAIL);
  }

  @Test
  void shouldFailOnOtherSendErrors() {
    assertThat(handler(StreamsConfig.AT_LEAST_ONCE).handleError(new Source(TOPICS.snapshots(), 0, 3),
        new ProducerRecord<>(TOPICS.deltas(), new byte[1], new byte[10]),
        new org.apache.kafka.common.errors.TopicAuthorizationException("denied")).result()).isEqualTo(Result.FAIL);
  }
}
