package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Small JSON helpers for patches. */
final class Json {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** The elements of an array, or of the CloudTrail EC2 wrapper {@code {"items": [...]}}. */
  static List<JsonNode> items(JsonNode node) {
    JsonNode array = node.has("items") ? node.get("items") : node;
    List<JsonNode> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(out::add);
    } else if (array.isObject() && !array.isEmpty()) {
      out.add(array);
    }
    return out;
  }

  /** The object node at {@code field}, created when absent or not an object. */
  static ObjectNode object(ObjectNode parent, String field) {
    JsonNode child = parent.get(field);
    if (child instanceof ObjectNode object) {
      return object;
    }
    return parent.putObject(field);
  }

  /** The array node at {@code field}, created when absent or not an array. */
  static ArrayNode array(ObjectNode parent, String field) {
    JsonNode child = parent.get(field);
    if (child instanceof ArrayNode array) {
      return array;
    }
    return parent.putArray(field);
  }

  /** A boolean request flag: absent or null is false, as the put APIs treat it. */
  static boolean flag(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    return v != null && (v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText()));
  }

  static String text(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
  }
}
