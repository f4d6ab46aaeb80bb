package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Dead letters are cut to a size every DLQ accepts, and their headers say what was cut. */
class DeadLetterSizeTest {

  private static String header(Headers headers, String name) {
    var h = headers.lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldKeepAValueThatFitsWholeAndSayNothing() {
    Headers headers = new RecordHeaders();
    byte[] raw = new byte[DeadLetterSize.MAX_VALUE_BYTES];
    assertThat(DeadLetterSize.value(raw, headers)).isSameAs(raw);
    assertThat(headers.toArray()).isEmpty();
  }

  @Test
  void shouldCutAnOversizedValueToItsFirstBytesAndRecordItsSize() {
    Headers headers = new RecordHeaders();
    byte[] raw = new byte[10 * 1024 * 1024 + 3];
    Arrays.fill(raw, (byte) 'A');
    raw[0] = 1;
    byte[] cut = DeadLetterSize.value(raw, headers);
    assertThat(cut).hasSize(512 * 1024).isEqualTo(Arrays.copyOf(raw, 512 * 1024));
    assertThat(header(headers, "dlq.truncated")).isEqualTo("true");
    assertThat(header(headers, "dlq.original.size")).isEqualTo("10485763");
  }

  @Test
  void shouldCutAnOversizedKeyWithoutSplittingASurrogatePair() {
    String key = "k".repeat(DeadLetterSize.MAX_KEY_CHARS - 1) + "\uD83D\uDE00" + "tail";
    Headers headers = new RecordHeaders();
    DeadLetterSize.describeKey(key, headers);
    assertThat(DeadLetterSize.key(key)).isEqualTo("k".repeat(DeadLetterSize.MAX_KEY_CHARS - 1));
    assertThat(header(headers, "dlq.truncated")).isEqualTo("true");
    assertThat(header(headers, "dlq.original.key.length")).isEqualTo(Integer.toString(key.length()));
    assertThat(DeadLetterSize.key("111122223333/us-east-1/AWS::S3::Bucket/b")).isEqualTo("111122223333/us-east-1/AWS::S3::Bucket/b");
  }

  @Test
  void shouldDropTheInputsOwnHeadersWhenTogetherTheyAreTooLargeButKeepTheDeadLetterOnes() {
    Headers headers = new RecordHeaders();
    headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
    headers.add("blob", new byte[DeadLetterSize.MAX_INPUT_HEADER_BYTES]);
    headers.add(DeadLetterHeaders.REASON, "bad".getBytes(StandardCharsets.UTF_8));
    DeadLetterSize.inputHeaders(headers);
    assertThat(headers.lastHeader("trace")).isNull();
    assertThat(headers.lastHeader("blob")).isNull();
    assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("bad");
    assertThat(header(headers, "dlq.headers.dropped")).isEqualTo("2");
    assertThat(header(headers, "dlq.truncated")).isEqualTo("true");
  }

  @Test
  void shouldKeepSmallInputHeaders() {
    Headers headers = new RecordHeaders();
    headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
    DeadLetterSize.inputHeaders(headers);
    assertThat(header(headers, "trace")).isEqualTo("t-1");
    assertThat(headers.lastHeader("dlq.truncated")).isNull();
  }
}
