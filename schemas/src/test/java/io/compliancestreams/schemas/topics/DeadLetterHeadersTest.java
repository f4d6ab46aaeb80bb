package io.compliancestreams.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

  @Test
  void readsTheDocumentedNames() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.REASON, utf8("configurationItemCaptureTime is missing"));
    headers.add("dlq.exception.class", utf8("io.x.MalformedItemException"));
    headers.add("dlq.source.location", utf8("s3://config-bucket/item.json.gz"));

    assertThat(DeadLetterHeaders.reason(headers)).contains("configurationItemCaptureTime is missing");
    assertThat(DeadLetterHeaders.exceptionClass(headers)).contains("io.x.MalformedItemException");
    assertThat(DeadLetterHeaders.sourceLocation(headers)).contains("s3://config-bucket/item.json.gz");
  }

  @Test
  void readsTheNamesIngestWroteBeforeTheyWereAligned() {
    // Records already in an ingest DLQ keep these until the topic's retention removes them.
    RecordHeaders headers = new RecordHeaders();
    headers.add("dlq.exception", utf8("io.x.MalformedRecordException"));
    headers.add("dlq.source", utf8("replay.jsonl:3"));

    assertThat(DeadLetterHeaders.exceptionClass(headers)).contains("io.x.MalformedRecordException");
    assertThat(DeadLetterHeaders.sourceLocation(headers)).contains("replay.jsonl:3");
  }

  @Test
  void prefersTheDocumentedNameWhenBothArePresent() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("dlq.exception", utf8("Old"));
    headers.add("dlq.exception.class", utf8("New"));

    assertThat(DeadLetterHeaders.exceptionClass(headers)).contains("New");
  }

  @Test
  void anAbsentHeaderIsEmpty() {
    assertThat(DeadLetterHeaders.exceptionClass(new RecordHeaders())).isEmpty();
    assertThat(DeadLetterHeaders.reason(new RecordHeaders())).isEmpty();
  }

  @Test
  void everyHeaderNameSharesThePrefix() throws IllegalAccessException {
    for (var field : DeadLetterHeaders.class.getFields()) {
      assertThat((String) field.get(null)).startsWith(DeadLetterHeaders.PREFIX);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
