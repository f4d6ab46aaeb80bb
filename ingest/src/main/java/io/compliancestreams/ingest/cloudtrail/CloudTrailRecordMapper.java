package io.compliancestreams.ingest.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.EventResource;
import io.compliancestreams.schemas.avro.UserIdentity;
import io.compliancestreams.schemas.contract.CloudTrailRecordFields;
import io.compliancestreams.schemas.contract.CloudTrailRecordReader;
import io.compliancestreams.schemas.contract.MalformedFieldException;

/**
 * One raw CloudTrail record (an element of a log file's {@code Records}, or an EventBridge event's
 * {@code detail}) → {@link CloudTrailEvent}, read by the contract's {@link CloudTrailRecordReader}.
 * Pure. The whole record is kept as {@code rawRecord}; the topology reads the lifted fields and
 * parses the rest itself.
 */
public final class CloudTrailRecordMapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudTrailRecordMapper() {}

  /**
   * @throws MalformedRecordException naming the field when the record is not an object, lacks
   *     eventName, eventSource or eventTime, has an unreadable eventTime, or names no account
   */
  public static CloudTrailEvent map(JsonNode record) {
    CloudTrailRecordFields fields;
    try {
      fields = CloudTrailRecordReader.read(record);
    } catch (MalformedFieldException e) {
      throw new MalformedRecordException(e.field(), e.problem());
    }
    // Older records have no recipientAccountId: the caller's account is then the one acted on.
    if (fields.account() == null) {
      throw new MalformedRecordException("recipientAccountId", "is missing (and so is userIdentity.accountId)");
    }
    if (fields.awsRegion() == null) {
      throw new MalformedRecordException("awsRegion", "is missing");
    }
    CloudTrailRecordFields.Identity who = fields.userIdentity();
    return CloudTrailEvent.newBuilder()
        // eventID is missing only in hand-made records; a stable stand-in keeps de-duplication sane.
        .setEventId(fields.eventId() != null ? fields.eventId() : syntheticId(record))
        .setEventTime(fields.eventTime())
        .setEventSource(fields.eventSource())
        .setEventName(fields.eventName())
        .setAwsRegion(fields.awsRegion())
        .setRecipientAccountId(fields.account())
        .setUserIdentity(UserIdentity.newBuilder()
            .setType(who.type() == null ? "Unknown" : who.type())
            .setArn(who.arn())
            .setUserName(who.userName())
            .setAccountId(who.accountId())
            .setPrincipalId(who.principalId())
            .build())
        .setSourceIPAddress(fields.sourceIpAddress())
        .setReadOnly(fields.readOnly())
        .setErrorCode(fields.errorCode())
        .setErrorMessage(fields.errorMessage())
        .setRequestParameters(jsonText(fields.requestParameters()))
        .setResponseElements(jsonText(fields.responseElements()))
        .setResources(fields.resources().stream()
            .map(r -> EventResource.newBuilder().setType(r.type()).setArn(r.arn()).setAccountId(r.accountId()).build())
            .toList())
        .setRawRecord(record.toString())
        .build();
  }

  /** A parsed part as JSON text for the contract; absent → null. */
  private static String jsonText(JsonNode value) {
    return value.isMissingNode() ? null : value.toString();
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
