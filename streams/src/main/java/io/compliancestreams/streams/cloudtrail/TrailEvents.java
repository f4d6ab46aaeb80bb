package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.EventResource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link TrailEvent}s from the Avro contract or from a raw CloudTrail record. */
public final class TrailEvents {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  // Some exporters (Athena, CloudTrail Lake) write "2024-11-25 17:51:21.000000000", in UTC.
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

  private TrailEvents() {}

  /**
   * The event carried on the CloudTrail topic. The contract does not lift out the session issuer
   * and the user agent; they are read from {@code rawRecord} (absent when it is not JSON).
   */
  public static TrailEvent fromAvro(CloudTrailEvent avro) {
    if (avro.getEventTime() == null) {
      throw new MalformedEventException("eventTime", "is missing");
    }
    var who = avro.getUserIdentity();
    JsonNode raw = rawRecord(avro.getRawRecord());
    List<TrailEvent.Resource> resources = new ArrayList<>();
    if (avro.getResources() != null) {
      for (EventResource r : avro.getResources()) {
        resources.add(new TrailEvent.Resource(r.getType(), r.getArn(), r.getAccountId()));
      }
    }
    return new TrailEvent(
        avro.getEventId(),
        avro.getEventTime(),
        required(avro.getEventSource(), "eventSource"),
        required(avro.getEventName(), "eventName"),
        avro.getAwsRegion(),
        avro.getRecipientAccountId(),
        who == null
            ? null
            : new TrailEvent.UserIdentity(
                who.getType(),
                who.getArn(),
                who.getUserName(),
                who.getAccountId(),
                who.getPrincipalId(),
                sessionIssuer(raw.path("userIdentity"))),
        avro.getSourceIPAddress(),
        avro.getReadOnly(),
        avro.getErrorCode(),
        parseText(avro.getRequestParameters(), "requestParameters"),
        parseText(avro.getResponseElements(), "responseElements"),
        resources,
        text(raw, "userAgent"));
  }

  /** A record as CloudTrail writes it (one element of a log file's {@code Records}). */
  public static TrailEvent fromRecord(JsonNode record) {
    if (record == null || !record.isObject()) {
      throw new MalformedEventException("record", "expected a JSON object");
    }
    JsonNode who = record.path("userIdentity");
    TrailEvent.UserIdentity identity =
        new TrailEvent.UserIdentity(
            text(who, "type"),
            text(who, "arn"),
            text(who, "userName"),
            text(who, "accountId"),
            text(who, "principalId"),
            sessionIssuer(who));
    // Older records (and some samples) have no recipientAccountId: the caller's account is
    // then the account acted on.
    String account = text(record, "recipientAccountId");
    return new TrailEvent(
        text(record, "eventID"),
        instant(record.get("eventTime")),
        required(text(record, "eventSource"), "eventSource"),
        required(text(record, "eventName"), "eventName"),
        text(record, "awsRegion"),
        account != null ? account : identity.accountId(),
        identity,
        text(record, "sourceIPAddress"),
        bool(record.get("readOnly")),
        text(record, "errorCode"),
        json(record.get("requestParameters"), "requestParameters"),
        json(record.get("responseElements"), "responseElements"),
        resources(record.get("resources")),
        text(record, "userAgent"));
  }

  private static String sessionIssuer(JsonNode userIdentity) {
    return text(userIdentity.path("sessionContext").path("sessionIssuer"), "arn");
  }

  /** The original record, or a missing node: attribution is best effort and never fails an event. */
  private static JsonNode rawRecord(String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node != null && node.isObject() ? node : MissingNode.getInstance();
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new MalformedEventException(field, "is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  private static Instant instant(JsonNode value) {
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new MalformedEventException("eventTime", "is missing");
    }
    String text = value.asText();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new MalformedEventException("eventTime", "is not an instant: '" + text + "'");
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

  /** A JSON part that may be an object, null, or (as some exporters write it) JSON text. */
  private static JsonNode json(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return MissingNode.getInstance();
    }
    return value.isTextual() ? parseText(value.asText(), field) : value;
  }

  private static JsonNode parseText(String text, String field) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null || node.isNull() ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(field, "is not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static List<TrailEvent.Resource> resources(JsonNode value) {
    List<TrailEvent.Resource> out = new ArrayList<>();
    if (value == null || !value.isArray()) {
      return out;
    }
    for (JsonNode r : value) {
      // CloudTrail spells it "ARN"; some tools lower-case it.
      String arn = text(r, "ARN") != null ? text(r, "ARN") : text(r, "arn");
      out.add(new TrailEvent.Resource(text(r, "type"), arn, text(r, "accountId")));
    }
    return out;
  }
}
