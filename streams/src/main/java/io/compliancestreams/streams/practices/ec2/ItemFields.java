package io.compliancestreams.streams.practices.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of configuration JSON, shared by the EC2, DMS, OpenSearch, SageMaker, Lambda, KMS and
 * GuardDuty practices. An absent or null field is "not there" (an empty optional, an empty list); a
 * field of the wrong type throws {@link MalformedItemException} naming its full path, so the engine
 * reports an ERROR that says which element is bad instead of a NullPointerException.
 *
 * <p>{@code where} is the path of {@code parent} (e.g. {@code configuration}); the reported field
 * is {@code where.field}.
 */
public final class ItemFields {

  private ItemFields() {}

  /** A string field. */
  public static Optional<String> text(JsonNode parent, String where, String field) {
    JsonNode value = child(parent, where, field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw malformed(where, field, "expected a string, got " + value);
    }
    return Optional.of(value.asText());
  }

  /** A string field that must be present and not blank. */
  public static String requiredText(JsonNode parent, String where, String field) {
    return text(parent, where, field)
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> malformed(where, field, "is missing"));
  }

  /**
   * A boolean field. AWS Config writes booleans as JSON booleans; the strings {@code "true"} and
   * {@code "false"} are accepted too because some recorded shapes stringify scalars.
   */
  public static Optional<Boolean> bool(JsonNode parent, String where, String field) {
    JsonNode value = child(parent, where, field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    if (value.isTextual()
        && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
      return Optional.of(Boolean.parseBoolean(value.asText()));
    }
    throw malformed(where, field, "expected true or false, got " + value);
  }

  /** A boolean field that must be present. */
  public static boolean requiredBool(JsonNode parent, String where, String field) {
    return bool(parent, where, field).orElseThrow(() -> malformed(where, field, "is missing"));
  }

  /** The elements of an array field; absent or null gives an empty list. */
  public static List<JsonNode> array(JsonNode parent, String where, String field) {
    JsonNode value = child(parent, where, field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw malformed(where, field, "expected an array, got " + value.getNodeType());
    }
    List<JsonNode> out = new ArrayList<>(value.size());
    value.forEach(out::add);
    return out;
  }

  /** An object field, or empty when absent or null. */
  public static Optional<JsonNode> object(JsonNode parent, String where, String field) {
    JsonNode value = child(parent, where, field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw malformed(where, field, "expected an object, got " + value.getNodeType());
    }
    return Optional.of(value);
  }

  /** Requires {@code node} (e.g. the whole configuration) to be a JSON object. */
  public static JsonNode requireObject(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new MalformedItemException(where, "expected an object");
    }
    return node;
  }

  private static JsonNode child(JsonNode parent, String where, String field) {
    if (parent == null || parent.isMissingNode() || parent.isNull()) {
      return null;
    }
    if (!parent.isObject()) {
      throw new MalformedItemException(where, "expected an object, got " + parent.getNodeType());
    }
    JsonNode value = parent.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private static MalformedItemException malformed(String where, String field, String problem) {
    return new MalformedItemException(where + "." + field, problem);
  }
}
