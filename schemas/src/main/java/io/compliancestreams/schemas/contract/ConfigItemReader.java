package io.compliancestreams.schemas.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.compliancestreams.schemas.contract.ConfigItemFields.RelationshipFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one AWS Config configuration item in whichever shape AWS Config wrote it: the API's
 * (lower-case {@code accountId}/{@code arn}, {@code configuration} and supplementary values as JSON
 * strings, epoch-second capture times) or the snapshot-file / change-notification one ({@code
 * awsAccountId}, {@code ARN}, nested objects, ISO-8601). The one reader of the item for ingest
 * (which maps it to a snapshot) and the practices (the {@code evaluate} command's input). Pure.
 *
 * <p>A field that is missing or unreadable throws {@link MalformedFieldException} naming it.
 */
public final class ConfigItemReader {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ConfigItemReader() {}

  /** Reads one item; the account, region, type and id are required. */
  public static ConfigItemFields read(JsonNode item) {
    if (item == null || !item.isObject()) {
      throw new MalformedFieldException("configurationItem", "expected a JSON object");
    }
    return new ConfigItemFields(
        required(item, "accountId", "awsAccountId"),
        required(item, "awsRegion"),
        required(item, "resourceType"),
        required(item, "resourceId"),
        optional(item, "arn", "ARN"),
        optional(item, "resourceName"),
        captureTime(item.get("configurationItemCaptureTime")),
        optional(item, "configurationItemStatus"),
        optional(item, "configurationStateId"),
        tags(item.get("tags")),
        relationships(item.get("relationships")),
        json(item.get("configuration"), "configuration"),
        supplementary(item.get("supplementaryConfiguration")));
  }

  /** Parses JSON text, naming {@code field} when it is not JSON. */
  public static JsonNode parseJson(String text, String field) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedFieldException(field, "is not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** A text value among {@code names} (the first present), or null; an object or array is malformed. */
  public static String optional(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && !value.isNull()) {
        if (!value.isValueNode()) {
          throw new MalformedFieldException(name, "expected a string");
        }
        return value.asText();
      }
    }
    return null;
  }

  private static String required(JsonNode node, String... names) {
    String value = optional(node, names);
    if (value == null || value.isBlank()) {
      throw new MalformedFieldException(names[0], "is missing");
    }
    return value;
  }

  private static Instant captureTime(JsonNode value) {
    if (value == null || value.isNull() || value.asText().isBlank()) {
      return null;
    }
    if (value.isNumber()) {
      // The Config API (through the SDKs' JSON) gives epoch seconds, possibly fractional.
      BigDecimal seconds = value.decimalValue();
      return Instant.ofEpochSecond(seconds.longValue(),
          seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
    String text = value.asText();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw new MalformedFieldException("configurationItemCaptureTime",
            "is not an ISO-8601 instant or epoch seconds: '" + text + "'");
      }
    }
  }

  /** An object, or JSON text of one (the API's shape); absent, null or blank → a missing node. */
  private static JsonNode json(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return MissingNode.getInstance();
    }
    if (value.isTextual()) {
      String text = value.asText();
      return text.isBlank() ? MissingNode.getInstance() : parseJson(text, field);
    }
    return value;
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
          throw new MalformedFieldException("tags", "entry without a key");
        }
        tags.put(key.asText(), value == null ? "" : value.asText());
      }
    } else {
      throw new MalformedFieldException("tags", "expected an object or an array");
    }
    return tags;
  }

  private static List<RelationshipFields> relationships(JsonNode node) {
    List<RelationshipFields> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new MalformedFieldException("relationships", "expected an array");
    }
    for (JsonNode r : node) {
      out.add(new RelationshipFields(optional(r, "resourceType"), optional(r, "resourceId"),
          optional(r, "resourceName"), optional(r, "relationshipName", "name")));
    }
    return out;
  }

  private static Map<String, JsonNode> supplementary(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new MalformedFieldException("supplementaryConfiguration", "expected an object");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      JsonNode value = e.getValue();
      if (value.isTextual()) {
        // The API gives JSON text ("{...}", "true"); a plain word stays a JSON string.
        String text = value.asText().trim();
        try {
          value = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
          value = TextNode.valueOf(text);
        }
        if (value == null || value.isMissingNode()) {
          value = TextNode.valueOf(text);
        }
      }
      out.put(e.getKey(), value);
    }
    return out;
  }
}
