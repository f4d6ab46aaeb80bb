package io.compliancestreams.schemas.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one raw CloudTrail record (an element of a log file's {@code Records}, an EventBridge
 * event's {@code detail}, a line of an export): the one reader for ingest (which maps it to the
 * Avro event) and the topology (which reads records directly in tests and tools). Pure.
 *
 * <p>{@code eventName}, {@code eventSource} and {@code eventTime} are required; a missing or
 * unreadable field throws {@link MalformedFieldException} naming it. What else a reader requires
 * (an account, a region) is its own decision.
 */
public final class CloudTrailRecordReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  // Athena and CloudTrail Lake exports write "2024-11-25 17:51:21.000000000", in UTC.
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

  private CloudTrailRecordReader() {}

  public static CloudTrailRecordFields read(JsonNode record) {
    if (record == null || !record.isObject()) {
      throw new MalformedFieldException("record", "expected a JSON object");
    }
    String eventName = required(record, "eventName");
    String eventSource = required(record, "eventSource");
    Instant eventTime = eventTime(record.get("eventTime"));
    JsonNode who = record.path("userIdentity");
    return new CloudTrailRecordFields(
        text(record, "eventID"),
        eventTime,
        eventSource,
        eventName,
        text(record, "awsRegion"),
        text(record, "recipientAccountId"),
        new CloudTrailRecordFields.Identity(text(who, "type"), text(who, "arn"), text(who, "userName"),
            text(who, "accountId"), text(who, "principalId"),
            text(who.path("sessionContext").path("sessionIssuer"), "arn")),
        text(record, "sourceIPAddress"),
        bool(record.get("readOnly")),
        text(record, "errorCode"),
        text(record, "errorMessage"),
        json(record.get("requestParameters"), "requestParameters"),
        json(record.get("responseElements"), "responseElements"),
        resources(record.get("resources")),
        text(record, "userAgent"));
  }

  /**
   * A JSON part written as text (some exporters, and the Avro contract, carry the request and the
   * response as JSON text): parsed, or a missing node when null, blank or {@code null}.
   */
  public static JsonNode jsonText(String text, String field) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = JSON.readTree(text);
      return node == null || node.isNull() ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      throw new MalformedFieldException(field, "is not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** A text value, or null when absent, null, an object or an array. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  private static String required(JsonNode record, String field) {
    String value = text(record, field);
    if (value == null || value.isBlank()) {
      throw new MalformedFieldException(field, "is missing");
    }
    return value;
  }

  private static Instant eventTime(JsonNode value) {
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new MalformedFieldException("eventTime", "is missing");
    }
    String text = value.asText();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new MalformedFieldException("eventTime", "is not an instant: '" + text + "'");
      }
    }
  }

  private static Boolean bool(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    // Some exporters write the flag as a string ("false").
    return value.isBoolean() ? value.booleanValue() : Boolean.valueOf(value.asText());
  }

  /** An object, null, or (as some exporters write it) JSON text. */
  private static JsonNode json(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return MissingNode.getInstance();
    }
    return value.isTextual() ? jsonText(value.asText(), field) : value;
  }

  private static List<CloudTrailRecordFields.Resource> resources(JsonNode value) {
    List<CloudTrailRecordFields.Resource> out = new ArrayList<>();
    if (value == null || !value.isArray()) {
      return out;
    }
    for (JsonNode r : value) {
      // CloudTrail spells it "ARN"; some tools lower-case it.
      String arn = text(r, "ARN") != null ? text(r, "ARN") : text(r, "arn");
      out.add(new CloudTrailRecordFields.Resource(text(r, "type"), arn, text(r, "accountId")));
    }
    return out;
  }
}
