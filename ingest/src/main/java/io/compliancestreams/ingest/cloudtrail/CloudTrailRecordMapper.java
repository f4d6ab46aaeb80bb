package io.compliancestreams.ingest.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.EventResource;
import io.compliancestreams.schemas.avro.UserIdentity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One raw CloudTrail record (an element of a log file's {@code Records}, or an EventBridge event's
 * {@code detail}) → {@link CloudTrailEvent}. Pure. The whole record is kept as {@code rawRecord};
 * the topology reads the lifted fields and parses the rest itself.
 */
public final class CloudTrailRecordMapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  // Athena and CloudTrail Lake exports write "2024-11-25 17:51:21.000000000", in UTC.
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

  private CloudTrailRecordMapper() {}

  /**
   * @throws MalformedRecordException naming the field when the record is not an object, lacks
   *     eventName, eventSource or eventTime, has an unreadable eventTime, or names no account
   */
  public static CloudTrailEvent map(JsonNode record) {
    if (record == null || !record.isObject()) {
      throw new MalformedRecordException("record", "expected a JSON object");
    }
    String eventName = required(record, "eventName");
    String eventSource = required(record, "eventSource");
    Instant eventTime = eventTime(record.get("eventTime"));
    JsonNode who = record.path("userIdentity");
    // Older records have no recipientAccountId: the caller's account is then the one acted on.
    String account = text(record, "recipientAccountId");
    if (account == null) {
      account = text(who, "accountId");
    }
    if (account == null) {
      throw new MalformedRecordException("recipientAccountId", "is missing (and so is userIdentity.accountId)");
    }
    String region = text(record, "awsRegion");
    if (region == null) {
      throw new MalformedRecordException("awsRegion", "is missing");
    }
    String eventId = text(record, "eventID");
    return CloudTrailEvent.newBuilder()
        // eventID is missing only in hand-made records; a stable stand-in keeps de-duplication sane.
        .setEventId(eventId != null ? eventId : syntheticId(record))
        .setEventTime(eventTime)
        .setEventSource(eventSource)
        .setEventName(eventName)
        .setAwsRegion(region)
        .setRecipientAccountId(account)
        .setUserIdentity(UserIdentity.newBuilder()
            .setType(text(who, "type") == null ? "Unknown" : text(who, "type"))
            .setArn(text(who, "arn"))
            .setUserName(text(who, "userName"))
            .setAccountId(text(who, "accountId"))
            .setPrincipalId(text(who, "principalId"))
            .build())
        .setSourceIPAddress(text(record, "sourceIPAddress"))
        .setReadOnly(bool(record.get("readOnly")))
        .setErrorCode(text(record, "errorCode"))
        .setErrorMessage(text(record, "errorMessage"))
        .setRequestParameters(jsonText(record.get("requestParameters"), "requestParameters"))
        .setResponseElements(jsonText(record.get("responseElements"), "responseElements"))
        .setResources(resources(record.get("resources")))
        .setRawRecord(record.toString())
        .build();
  }

  private static String required(JsonNode record, String field) {
    String value = text(record, field);
    if (value == null || value.isBlank()) {
      throw new MalformedRecordException(field, "is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  static Instant eventTime(JsonNode value) {
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new MalformedRecordException("eventTime", "is missing");
    }
    String text = value.asText();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new MalformedRecordException("eventTime", "is not an instant: '" + text + "'");
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

  /** An object as JSON text; absent, null or the text "null" → null; JSON text passes through. */
  private static String jsonText(JsonNode value, String field) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (text.isBlank() || "null".equals(text.trim())) {
        return null;
      }
      try {
        // Checked here so the topology never meets parameters it cannot parse.
        JSON.readTree(text);
        return text;
      } catch (JsonProcessingException e) {
        throw new MalformedRecordException(field, "is not JSON (" + e.getOriginalMessage() + ")");
      }
    }
    return value.toString();
  }

  private static List<EventResource> resources(JsonNode value) {
    List<EventResource> out = new ArrayList<>();
    if (value == null || !value.isArray()) {
      return out;
    }
    for (JsonNode r : value) {
      // CloudTrail spells it "ARN"; some tools lower-case it.
      String arn = text(r, "ARN") != null ? text(r, "ARN") : text(r, "arn");
      out.add(EventResource.newBuilder()
          .setType(text(r, "type")).setArn(arn).setAccountId(text(r, "accountId")).build());
    }
    return out;
  }

  private static String syntheticId(JsonNode record) {
    try {
      byte[] canonical = JSON.writeValueAsBytes(record);
      return "synthetic-" + java.util.UUID.nameUUIDFromBytes(canonical);
    } catch (JsonProcessingException e) {
      throw new MalformedRecordException("record", "cannot be serialised: " + e.getOriginalMessage());
    }
  }
}
