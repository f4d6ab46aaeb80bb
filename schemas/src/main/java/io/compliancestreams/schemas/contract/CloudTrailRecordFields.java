package io.compliancestreams.schemas.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One CloudTrail record as {@link CloudTrailRecordReader} read it: plain values that ingest maps to
 * the Avro event and the topology to its own. Any text may be null unless said otherwise.
 *
 * @param eventTime never null
 * @param eventSource never blank
 * @param eventName never blank
 * @param requestParameters parsed; a missing node when absent, null or blank
 * @param responseElements parsed; a missing node when absent, null or blank
 */
public record CloudTrailRecordFields(
    String eventId,
    Instant eventTime,
    String eventSource,
    String eventName,
    String awsRegion,
    String recipientAccountId,
    Identity userIdentity,
    String sourceIpAddress,
    Boolean readOnly,
    String errorCode,
    String errorMessage,
    JsonNode requestParameters,
    JsonNode responseElements,
    List<Resource> resources,
    String userAgent) {

  /**
   * The account acted on: {@code recipientAccountId}, or for older records that lack it, the
   * caller's own account.
   */
  public String account() {
    return recipientAccountId != null ? recipientAccountId : userIdentity.accountId();
  }

  /** The caller; {@code sessionIssuerArn} is the role behind an assumed-role session. */
  public record Identity(
      String type, String arn, String userName, String accountId, String principalId, String sessionIssuerArn) {}

  /** One entry of {@code resources}. */
  public record Resource(String type, String arn, String accountId) {}
}
