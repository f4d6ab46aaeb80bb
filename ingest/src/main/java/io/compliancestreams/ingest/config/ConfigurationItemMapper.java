package io.compliancestreams.ingest.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * One AWS Config configuration item → {@link ResourceSnapshot} (source AWS_CONFIG), in whichever
 * shape AWS Config wrote it: the API's ({@code accountId}, {@code arn}, {@code configuration} and
 * supplementary values as JSON strings, epoch-second capture times) or the notification /
 * snapshot-file one ({@code awsAccountId}, {@code ARN}, nested objects, ISO-8601). The meaning is
 * unchanged: configuration and supplementary values become JSON text, status and state id are
 * AWS Config's own. Pure.
 */
public final class ConfigurationItemMapper {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ConfigurationItemMapper() {}

  /** @throws MalformedItemException naming the field that is missing or unreadable */
  public static ResourceSnapshot map(JsonNode item) {
    if (item == null || !item.isObject()) {
      throw new MalformedItemException("configurationItem", "expected a JSON object");
    }
    SnapshotBuilder builder = SnapshotBuilder.of(
            required(item, "accountId", "awsAccountId"),
            required(item, "awsRegion"),
            required(item, "resourceType"),
            required(item, "resourceId"))
        .arn(optional(item, "arn", "ARN"))
        .name(optional(item, "resourceName"))
        .capturedAt(captureTime(item.get("configurationItemCaptureTime")))
        .configuration(json(item.get("configuration"), "configuration"))
        .source(SnapshotSource.AWS_CONFIG, null);
    tags(item.get("tags"), builder);
    relationships(item.get("relationships"), builder);
    supplementary(item.get("supplementaryConfiguration"), builder);
    ResourceSnapshot built = builder.build();
    // AWS Config's own status and state id, not the builder's defaults.
    return ResourceSnapshot.newBuilder(built)
        .setConfigurationItemStatus(status(optional(item, "configurationItemStatus")))
        .setConfigurationStateId(optional(item, "configurationStateId"))
        .build();
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

  static Instant captureTime(JsonNode value) {
    String field = "configurationItemCaptureTime";
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new MalformedItemException(field, "is missing");
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
        throw new MalformedItemException(field, "is not an ISO-8601 instant or epoch seconds: '" + text + "'");
      }
    }
  }

  private static ConfigurationItemStatus status(String value) {
    if (value == null) {
      return ConfigurationItemStatus.OK;
    }
    try {
      return ConfigurationItemStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedItemException("configurationItemStatus", "unknown status '" + value + "'");
    }
  }

  /** An object, or JSON text of one (the API's shape); absent, null or blank → JSON null. */
  private static JsonNode json(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return NullNode.getInstance();
    }
    if (value.isTextual()) {
      String text = value.asText();
      return text.isBlank() ? NullNode.getInstance() : parse(text, field);
    }
    return value;
  }

  private static JsonNode parse(String text, String field) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedItemException(field, "is not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static void tags(JsonNode node, SnapshotBuilder builder) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> builder.tag(e.getKey(), e.getValue().asText()));
    } else if (node.isArray()) {
      // The EC2 style: [{"key": .., "value": ..}] or [{"Key": .., "Value": ..}]
      for (JsonNode tag : node) {
        JsonNode key = tag.has("key") ? tag.get("key") : tag.get("Key");
        JsonNode value = tag.has("value") ? tag.get("value") : tag.get("Value");
        if (key == null) {
          throw new MalformedItemException("tags", "entry without a key");
        }
        builder.tag(key.asText(), value == null ? "" : value.asText());
      }
    } else {
      throw new MalformedItemException("tags", "expected an object or an array");
    }
  }

  private static void relationships(JsonNode node, SnapshotBuilder builder) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isArray()) {
      throw new MalformedItemException("relationships", "expected an array");
    }
    int i = 0;
    for (JsonNode r : node) {
      String at = "relationships[" + i++ + "]";
      String type = optional(r, "resourceType");
      // Some relationships name the related resource only (e.g. an IAM role by name).
      String id = optional(r, "resourceId", "resourceName");
      String name = optional(r, "relationshipName", "name");
      if (type == null || id == null || name == null) {
        throw new MalformedItemException(at, "needs resourceType, resourceId (or resourceName) and relationshipName");
      }
      builder.relationship(type, id, optional(r, "resourceName"), name);
    }
  }

  private static void supplementary(JsonNode node, SnapshotBuilder builder) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      throw new MalformedItemException("supplementaryConfiguration", "expected an object");
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
      builder.supplementary(e.getKey(), value);
    }
  }
}
