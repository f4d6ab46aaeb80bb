package io.compliancestreams.streams.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.EventResource;
import io.compliancestreams.schemas.avro.UserIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Real CloudTrail records (test resources) as the event contract, with fields overridden. */
final class CloudTrailRecords {

  static final ObjectMapper JSON = new ObjectMapper();

  private CloudTrailRecords() {}

  /** A sample record, e.g. {@code cloudtrail.amazonaws.com/StopLogging-1}, as mutable JSON. */
  static ObjectNode sample(String name) {
    try (InputStream in = CloudTrailRecords.class.getClassLoader()
        .getResourceAsStream("cloudtrail/records/" + name + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points a record at our test account and region, with a fresh id and time. */
  static ObjectNode retarget(ObjectNode raw, String account, String region, String eventId, Instant time) {
    raw.put("recipientAccountId", account);
    raw.put("awsRegion", region);
    raw.put("eventID", eventId);
    raw.put("eventTime", time.toString());
    ((ObjectNode) raw.with("userIdentity")).put("accountId", account);
    return raw;
  }

  static CloudTrailEvent avro(JsonNode raw) {
    JsonNode id = raw.path("userIdentity");
    List<EventResource> resources = new ArrayList<>();
    raw.path("resources").forEach(r -> resources.add(EventResource.newBuilder()
        .setType(text(r, "type")).setArn(text(r, "ARN")).setAccountId(text(r, "accountId")).build()));
    return CloudTrailEvent.newBuilder()
        .setEventId(raw.path("eventID").asText())
        .setEventTime(Instant.parse(raw.path("eventTime").asText()))
        .setEventSource(raw.path("eventSource").asText())
        .setEventName(raw.path("eventName").asText())
        .setAwsRegion(raw.path("awsRegion").asText())
        .setRecipientAccountId(raw.path("recipientAccountId").asText())
        .setUserIdentity(UserIdentity.newBuilder()
            .setType(id.path("type").asText("Unknown"))
            .setArn(text(id, "arn"))
            .setUserName(text(id, "userName"))
            .setAccountId(text(id, "accountId"))
            .setPrincipalId(text(id, "principalId"))
            .build())
        .setSourceIPAddress(text(raw, "sourceIPAddress"))
        .setReadOnly(raw.has("readOnly") && !raw.get("readOnly").isNull() ? raw.get("readOnly").asBoolean() : null)
        .setErrorCode(text(raw, "errorCode"))
        .setErrorMessage(text(raw, "errorMessage"))
        .setRequestParameters(raw.path("requestParameters").isObject() ? raw.get("requestParameters").toString() : null)
        .setResponseElements(raw.path("responseElements").isObject() ? raw.get("responseElements").toString() : null)
        .setResources(resources)
        .setRawRecord(raw.toString())
        .build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
