package io.compliancestreams.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** One record read from some input, or the bytes of a piece of input that could not be read. */
sealed interface SourceRecord {

  /** Where it came from: {@code s3://bucket/key#Records[3]}, {@code file.json:12}, a queue message. */
  String location();

  /** A JSON value that should be a CloudTrail record (the mapper decides). */
  record Parsed(JsonNode json, String location) implements SourceRecord {}

  /** Input that is not JSON, or JSON of no known shape. */
  record Unreadable(byte[] bytes, String location, String reason) implements SourceRecord {
    static Unreadable of(String text, String location, String reason) {
      return new Unreadable(text.getBytes(StandardCharsets.UTF_8), location, reason);
    }
  }
}
