package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.EventResource;
import io.compliancestreams.schemas.contract.CloudTrailRecordFields;
import io.compliancestreams.schemas.contract.CloudTrailRecordReader;
import io.compliancestreams.schemas.contract.MalformedFieldException;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link TrailEvent}s from the Avro contract or from a raw CloudTrail record. */
public final class TrailEvents {

  private static final ObjectMapper MAPPER = new ObjectMapper();

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
    CloudTrailRecordFields fields;
    try {
      fields = CloudTrailRecordReader.read(record);
    } catch (MalformedFieldException e) {
      throw new MalformedEventException(e.field(), e.problem());
    }
    CloudTrailRecordFields.Identity who = fields.userIdentity();
    return new TrailEvent(
        fields.eventId(),
        fields.eventTime(),
        fields.eventSource(),
        fields.eventName(),
        fields.awsRegion(),
        fields.account(),
        new TrailEvent.UserIdentity(
            who.type(), who.arn(), who.userName(), who.accountId(), who.principalId(), who.sessionIssuerArn()),
        fields.sourceIpAddress(),
        fields.readOnly(),
        fields.errorCode(),
        fields.requestParameters(),
        fields.responseElements(),
        fields.resources().stream()
            .map(r -> new TrailEvent.Resource(r.type(), r.arn(), r.accountId()))
            .toList(),
        fields.userAgent());
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
    return CloudTrailRecordReader.text(node, field);
  }

  private static JsonNode parseText(String text, String field) {
    try {
      return CloudTrailRecordReader.jsonText(text, field);
    } catch (MalformedFieldException e) {
      throw new MalformedEventException(e.field(), e.problem());
    }
  }
}
