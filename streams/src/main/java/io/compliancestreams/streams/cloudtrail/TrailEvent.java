package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One CloudTrail management event, reduced to what routing and patching read. Build it with {@link
 * TrailEvents}. The JSON parts are never null (a {@link MissingNode} when absent) and must be
 * treated as read-only.
 *
 * @param eventId CloudTrail's eventID; null when the record has none (some published samples)
 * @param readOnly CloudTrail's flag, null when the record predates it
 * @param errorCode set when the call failed
 * @param userAgent the record's userAgent, null when absent
 */
public record TrailEvent(
    String eventId,
    Instant eventTime,
    String eventSource,
    String eventName,
    String awsRegion,
    String recipientAccountId,
    UserIdentity userIdentity,
    String sourceIPAddress,
    Boolean readOnly,
    String errorCode,
    JsonNode requestParameters,
    JsonNode responseElements,
    List<Resource> resources,
    String userAgent) {

  public TrailEvent {
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(eventSource, "eventSource");
    Objects.requireNonNull(eventName, "eventName");
    userIdentity = userIdentity == null ? UserIdentity.UNKNOWN : userIdentity;
    requestParameters = orMissing(requestParameters);
    responseElements = orMissing(responseElements);
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  private static JsonNode orMissing(JsonNode node) {
    return node == null || node.isNull() ? MissingNode.getInstance() : node;
  }

  /**
   * Who made the call; every part may be null.
   *
   * @param sessionIssuerArn {@code sessionContext.sessionIssuer.arn}: the role (or user) behind an
   *     assumed-role or federated session
   */
  public record UserIdentity(
      String type, String arn, String userName, String accountId, String principalId,
      String sessionIssuerArn) {

    static final UserIdentity UNKNOWN = new UserIdentity(null, null, null, null, null, null);
  }

  /** One entry of the record's {@code resources[]}; every part may be null. */
  public record Resource(String type, String arn, String accountId) {}
}
