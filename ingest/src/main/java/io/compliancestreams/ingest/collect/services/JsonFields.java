package io.compliancestreams.ingest.collect.services;

import io.compliancestreams.ingest.aws.ApiJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;

/**
 * Small writers for configurations built field by field. AWS Config writes the bean-style
 * (camelCase) types with explicit nulls and the CloudFormation-style (PascalCase) ones without
 * absent properties; {@link #putPresent} is for the latter.
 */
public final class JsonFields {

  private JsonFields() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Sets the field unless the value is null (Jackson writes a null boxed value as JSON null). */
  public static ObjectNode putPresent(ObjectNode node, String field, Object value) {
    if (value == null) {
      return node;
    }
    if (value instanceof String s) {
      node.put(field, s);
    } else if (value instanceof Boolean b) {
      node.put(field, b);
    } else if (value instanceof Integer i) {
      node.put(field, i);
    } else if (value instanceof Long l) {
      node.put(field, l);
    } else if (value instanceof Instant t) {
      node.put(field, ApiJson.iso(t));
    } else if (value instanceof com.fasterxml.jackson.databind.JsonNode json) {
      node.set(field, json);
    } else {
      throw new IllegalArgumentException("unsupported value type for " + field + ": " + value.getClass());
    }
    return node;
  }

  /** A JSON array of strings (an absent SDK list gives an empty array). */
  public static ArrayNode strings(Collection<String> values) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    if (values != null) {
      values.forEach(out::add);
    }
    return out;
  }
}
