package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Cuts a dead letter down to a size every dead-letter topic accepts, and records in its headers
 * what was cut. A record can reach the topology far larger than any topic takes uncompressed: the
 * broker's {@code max.message.bytes} applies to the compressed batch, so a gzip-compressed 10 MB
 * snapshot passes it. Copied unchanged, such a record fails the DLQ write forever (issue 17.2);
 * cut, it fits, and its source topic, partition and offset (the {@code dlq.source.*} headers)
 * lead to the full original for the source topic's retention.
 */
final class DeadLetterSize {

  /**
   * Largest value written to a DLQ: the decoders' own input limit, so every record the decoders
   * reject for anything but its size keeps its bytes whole, and a cut one (with key and headers,
   * bounded below) fits Kafka's default 1 MiB {@code max.message.bytes} with room to spare.
   */
  static final int MAX_VALUE_BYTES = InputLimits.MAX_DECODED_BYTES;

  /** Longest key written to a DLQ, in characters (at most 16 KiB of UTF-8). */
  static final int MAX_KEY_CHARS = 4096;

  /** Most bytes the input's own headers (names and values) may take in a dead letter. */
  static final int MAX_INPUT_HEADER_BYTES = 16 * 1024;

  private DeadLetterSize() {}

  /** {@code raw} itself when it fits, else its first {@link #MAX_VALUE_BYTES}; the headers say so. */
  static byte[] value(byte[] raw, Headers headers) {
    if (raw == null || raw.length <= MAX_VALUE_BYTES) {
      return raw;
    }
    DeadLetters.put(headers, DeadLetterHeaders.TRUNCATED, "true");
    DeadLetters.put(headers, DeadLetterHeaders.ORIGINAL_SIZE, Integer.toString(raw.length));
    return Arrays.copyOf(raw, MAX_VALUE_BYTES);
  }

  /** {@code key} itself when it fits, else its first {@link #MAX_KEY_CHARS} characters. */
  static String key(String key) {
    if (key == null || key.length() <= MAX_KEY_CHARS) {
      return key;
    }
    // Never split a surrogate pair: half of one is not valid UTF-8.
    int end = Character.isHighSurrogate(key.charAt(MAX_KEY_CHARS - 1)) ? MAX_KEY_CHARS - 1 : MAX_KEY_CHARS;
    return key.substring(0, end);
  }

  /** Records a cut key in the headers (the key itself is replaced where the DLQ is written). */
  static void describeKey(String key, Headers headers) {
    if (key != null && key.length() > MAX_KEY_CHARS) {
      DeadLetters.put(headers, DeadLetterHeaders.TRUNCATED, "true");
      DeadLetters.put(headers, DeadLetterHeaders.ORIGINAL_KEY_LENGTH, Integer.toString(key.length()));
    }
  }

  /**
   * Drops the input's own headers (all but {@code dlq.*}) when together they exceed
   * {@link #MAX_INPUT_HEADER_BYTES}, counting them in {@code dlq.headers.dropped}.
   */
  static void inputHeaders(Headers headers) {
    long bytes = 0;
    int count = 0;
    for (Header h : headers) {
      if (!h.key().startsWith(DeadLetterHeaders.PREFIX)) {
        bytes += h.key().getBytes(StandardCharsets.UTF_8).length + (h.value() == null ? 0 : h.value().length);
        count++;
      }
    }
    if (bytes <= MAX_INPUT_HEADER_BYTES) {
      return;
    }
    var names = new java.util.LinkedHashSet<String>();
    headers.forEach(h -> {
      if (!h.key().startsWith(DeadLetterHeaders.PREFIX)) {
        names.add(h.key());
      }
    });
    names.forEach(headers::remove);
    DeadLetters.put(headers, DeadLetterHeaders.TRUNCATED, "true");
    DeadLetters.put(headers, DeadLetterHeaders.HEADERS_DROPPED, Integer.toString(count));
  }
}
