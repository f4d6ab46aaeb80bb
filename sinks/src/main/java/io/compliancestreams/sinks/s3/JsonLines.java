package io.compliancestreams.sinks.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The JSON-lines encoding the audit trail and the posture snapshots share. */
final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** The object as one line: compact JSON and a newline. */
  static byte[] line(ObjectNode n) {
    try {
      byte[] json = JSON.writeValueAsBytes(n);
      byte[] line = new byte[json.length + 1];
      System.arraycopy(json, 0, line, 0, json.length);
      line[json.length] = '\n';
      return line;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
