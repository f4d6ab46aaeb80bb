package io.compliancestreams.streams.practices.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.MalformedItemException;

/** Typed reads of optional JSON members that name the offending field when the type is wrong. */
final class JsonFields {

  private JsonFields() {}

  /** The boolean, or {@code absent} when the member is missing or null. */
  static boolean bool(JsonNode node, boolean absent, String where) {
    if (node.isMissingNode() || node.isNull()) {
      return absent;
    }
    if (!node.isBoolean()) {
      throw new MalformedItemException(where, "expected a boolean, got " + node.getNodeType() + " " + node);
    }
    return node.booleanValue();
  }

  /** The string, or {@code absent} when the member is missing or null. */
  static String text(JsonNode node, String absent, String where) {
    if (node.isMissingNode() || node.isNull()) {
      return absent;
    }
    if (!node.isTextual()) {
      throw new MalformedItemException(where, "expected a string, got " + node.getNodeType() + " " + node);
    }
    return node.asText();
  }
}
