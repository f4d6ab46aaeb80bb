package io.compliancestreams.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK model object as the AWS API documents its JSON: member names as in the service
 * model (PascalCase, {@link SdkField#memberName()}), absent members left out (as the API does),
 * timestamps as ISO-8601 with milliseconds, enums as their wire string. It walks the model's own
 * field metadata ({@link SdkPojo#sdkFields()}, what the SDK's marshallers use), not Java
 * reflection, so nothing but documented API members appears. Used for our extension snapshot
 * types and for sub-structures that AWS Config records in the API shape.
 */
public final class ApiJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ApiJson() {}

  /** The object's members in the API's JSON shape. */
  public static ObjectNode of(SdkPojo pojo) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (isPresent(value)) {
        out.set(field.memberName(), value(value));
      }
    }
    return out;
  }

  /** The objects of a list, each in the API's JSON shape. */
  public static ArrayNode ofList(Collection<? extends SdkPojo> pojos) {
    ArrayNode out = NODES.arrayNode();
    pojos.forEach(p -> out.add(of(p)));
    return out;
  }

  /** ISO-8601 UTC with milliseconds, as AWS Config and CloudTrail print timestamps; null stays null. */
  public static String iso(Instant instant) {
    return instant == null ? null : ISO_MILLIS.format(instant);
  }

  private static boolean isPresent(Object value) {
    return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
  }

  private static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof SdkPojo pojo) {
      return of(pojo);
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof BigDecimal b) {
      return NODES.numberNode(b);
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(iso(instant));
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.binaryNode(bytes.asByteArray());
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), value(v)));
      return object;
    }
    // Model enums are stored as their wire strings; anything else is printed the same way.
    return NODES.textNode(value.toString());
  }
}
