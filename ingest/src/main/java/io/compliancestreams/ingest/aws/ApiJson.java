package io.compliancestreams.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Turns an SDK response (or a part of one) back into the AWS API's own JSON shape, the
 * {@code configuration} of our extension snapshot types: members named as on the wire
 * ({@code TrailARN}, {@code IsLogging} for CloudTrail; {@code name}, {@code roleARN} for AWS Config;
 * {@code UserName} for IAM), members the response did not carry left out, timestamps as ISO-8601
 * strings. It walks the SDK's own marshalling metadata ({@link SdkPojo#sdkFields()}, the field list
 * the SDK itself serialises with), never Java reflection, and fails on a value type it does not
 * know rather than guessing.
 */
public final class ApiJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ApiJson() {}

  /** The members of {@code pojo} as an object, by their wire names. */
  public static ObjectNode of(SdkPojo pojo) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (absent(value)) {
        continue;
      }
      String name = field.locationName() != null ? field.locationName() : field.memberName();
      out.set(name, value(value));
    }
    return out;
  }

  /** A list of SDK structures as an array (an empty array for an empty list). */
  public static ArrayNode ofList(List<? extends SdkPojo> items) {
    ArrayNode out = NODES.arrayNode();
    items.forEach(item -> out.add(of(item)));
    return out;
  }

  /** The SDK stands in an empty "auto construct" collection for a member the response omitted. */
  private static boolean absent(Object value) {
    return value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>;
  }

  private static JsonNode value(Object value) {
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
    if (value instanceof Short s) {
      return NODES.numberNode(s);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Instant t) {
      return NODES.textNode(t.toString());
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.textNode(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()));
    }
    if (value instanceof List<?> list) {
      ArrayNode out = NODES.arrayNode();
      list.forEach(item -> out.add(item == null ? NODES.nullNode() : value(item)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = NODES.objectNode();
      map.forEach((k, v) -> out.set(String.valueOf(k), v == null ? NODES.nullNode() : value(v)));
      return out;
    }
    throw new IllegalArgumentException("No API JSON form for a " + value.getClass().getName());
  }
}
