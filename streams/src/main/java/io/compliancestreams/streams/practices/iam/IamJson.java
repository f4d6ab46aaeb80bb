package io.compliancestreams.streams.practices.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of IAM configuration fields. Every failure names the field by its path (e.g. {@code
 * configuration.AccessKeyMetadata[1].CreateDate}) so a malformed snapshot gives a clear ERROR,
 * never a NullPointerException.
 */
final class IamJson {

  private IamJson() {}

  /** True when the field is absent or JSON null. */
  static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (absent(node) || !node.isObject()) {
      throw new MalformedItemException(path, absent(node) ? "is missing" : "expected an object");
    }
    return node;
  }

  static Optional<JsonNode> optionalObject(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new MalformedItemException(path, "expected an object or null");
    }
    return Optional.of(node);
  }

  /** The elements of an array field; an absent or null field is an empty list. */
  static List<JsonNode> array(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new MalformedItemException(path, "expected an array");
    }
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }

  static String text(JsonNode parent, String field, String path) {
    return optionalText(parent, field, path)
        .orElseThrow(() -> new MalformedItemException(path, "is missing"));
  }

  static Optional<String> optionalText(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new MalformedItemException(path, "expected a string, got " + node.getNodeType());
    }
    return Optional.of(node.asText());
  }

  static Optional<Integer> optionalInt(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new MalformedItemException(path, "expected a whole number, got '" + node + "'");
    }
    return Optional.of(node.intValue());
  }

  /** A boolean; absent or null counts as false (the IAM API omits false flags). */
  static boolean flag(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (absent(node)) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new MalformedItemException(path, "expected true or false, got '" + node + "'");
    }
    return node.booleanValue();
  }

  static Instant instant(JsonNode parent, String field, String path) {
    return optionalInstant(parent, field, path)
        .orElseThrow(() -> new MalformedItemException(path, "is missing"));
  }

  /** An ISO-8601 timestamp, or epoch seconds as the SDKs' JSON sometimes gives them. */
  static Optional<Instant> optionalInstant(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (absent(node)) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      BigDecimal seconds = node.decimalValue();
      return Optional.of(
          Instant.ofEpochSecond(
              seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue()));
    }
    if (!node.isTextual()) {
      throw new MalformedItemException(path, "expected a timestamp, got '" + node + "'");
    }
    String text = node.asText();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new MalformedItemException(path, "is not an ISO-8601 timestamp: '" + text + "'");
    }
  }
}
