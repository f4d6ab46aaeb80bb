package io.compliancestreams.streams.practices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads configuration items in every shape AWS Config produces them: the API's (lower-case {@code
 * accountId}/{@code arn}, {@code configuration} as a JSON string, supplementary values as JSON
 * strings, epoch-second timestamps) and the snapshot-file / change-notification one ({@code
 * awsAccountId}, {@code ARN}, nested objects, ISO-8601 timestamps). Pure: parsing only.
 */
public final class ConfigurationItemJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ConfigurationItemJson() {}

  /**
   * All items in a document: a single item, a JSON array of items, an AWS Config snapshot or
   * history file ({@code {"configurationItems": [...]}}), or a change notification ({@code
   * {"configurationItem": {...}}}).
   */
  public static List<ConfigurationItem> readAll(JsonNode document) {
    if (document.isArray()) {
      List<ConfigurationItem> items = new ArrayList<>();
      int index = 0;
      for (JsonNode node : document) {
        items.add(readIndexed(node, "[" + index++ + "]"));
      }
      return items;
    }
    if (document.has("configurationItems")) {
      return readAll(document.get("configurationItems"));
    }
    if (document.has("configurationItem")) {
      return List.of(read(document.get("configurationItem")));
    }
    return List.of(read(document));
  }

  private static ConfigurationItem readIndexed(JsonNode node, String where) {
    try {
      return read(node);
    } catch (MalformedItemException e) {
      throw new MalformedItemException(where + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
    }
  }

  /** One configuration item. */
  public static ConfigurationItem read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new MalformedItemException("item", "expected a JSON object");
    }
    return new ConfigurationItem(
        required(node, "accountId", "awsAccountId"),
        required(node, "awsRegion"),
        required(node, "resourceType"),
        required(node, "resourceId"),
        optional(node, "arn", "ARN"),
        optional(node, "resourceName"),
        instant(node, "configurationItemCaptureTime"),
        status(node),
        optional(node, "configurationStateId"),
        tags(node.get("tags")),
        relationships(node.get("relationships")),
        json(node.get("configuration"), "configuration"),
        supplementary(node.get("supplementaryConfiguration")));
  }

  /** Parses a JSON text into a node, naming {@code field} when it is not JSON. */
  public static JsonNode parseJson(String text, String field) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedItemException(
          field, "is not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static String required(JsonNode node, String... names) {
    String value = optional(node, names);
    if (value == null || value.isBlank()) {
      throw new MalformedItemException(names[0], "is missing");
    }
    return value;
  }

  private static String optional(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && !value.isNull()) {
        if (!value.isValueNode()) {
          throw new MalformedItemException(name, "expected a string");
        }
        return value.asText();
      }
    }
    return null;
  }

  private static Instant instant(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      // The Config API (via the SDKs' JSON) gives epoch seconds, possibly fractional.
      BigDecimal seconds = value.decimalValue();
      return Instant.ofEpochSecond(
          seconds.longValue(),
          seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(value.asText()).toInstant();
      } catch (DateTimeParseException e2) {
        throw new MalformedItemException(name, "is not an ISO-8601 instant: '" + value.asText() + "'");
      }
    }
  }

  private static ItemStatus status(JsonNode node) {
    try {
      return ItemStatus.parse(optional(node, "configurationItemStatus"));
    } catch (IllegalArgumentException e) {
      throw new MalformedItemException("configurationItemStatus", e.getMessage());
    }
  }

  private static Map<String, String> tags(JsonNode node) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return tags;
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    } else if (node.isArray()) {
      // The EC2 style: [{"key": .., "value": ..}] or [{"Key": .., "Value": ..}]
      for (JsonNode tag : node) {
        JsonNode key = tag.has("key") ? tag.get("key") : tag.get("Key");
        JsonNode value = tag.has("value") ? tag.get("value") : tag.get("Value");
        if (key == null) {
          throw new MalformedItemException("tags", "entry without a key");
        }
        tags.put(key.asText(), value == null ? "" : value.asText());
      }
    } else {
      throw new MalformedItemException("tags", "expected an object or an array");
    }
    return tags;
  }

  private static List<Relationship> relationships(JsonNode node) {
    List<Relationship> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new MalformedItemException("relationships", "expected an array");
    }
    for (JsonNode r : node) {
      out.add(
          new Relationship(
              optional(r, "resourceType"),
              optional(r, "resourceId"),
              optional(r, "resourceName"),
              optional(r, "relationshipName", "name")));
    }
    return out;
  }

  private static JsonNode json(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return MissingNode.getInstance();
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (text.isBlank()) {
        return MissingNode.getInstance();
      }
      return parseJson(text, field);
    }
    return value;
  }

  private static Map<String, JsonNode> supplementary(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new MalformedItemException("supplementaryConfiguration", "expected an object");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      JsonNode value = e.getValue();
      if (value.isTextual()) {
        String text = value.asText().trim();
        boolean looksJson = text.startsWith("{") || text.startsWith("[");
        value = looksJson ? parseJson(text, "supplementaryConfiguration." + e.getKey()) : TextNode.valueOf(text);
      }
      out.put(e.getKey(), value);
    }
    return out;
  }
}
