package io.compliancestreams.streams.query;

import io.compliancestreams.schemas.avro.FindingDelta;
import java.time.Instant;

/**
 * One delta of a finding as its page shows it: when, what changed, why, what caused it, and the
 * resource as the delta named it (so a closed finding still has a name). On the delta that ended a
 * failure, {@code failingSince} and {@code failedForMillis} say when it began and how long it lasted
 * (null otherwise, and in entries stored before the fields existed).
 */
public record HistoryEntry(
    String deltaId,
    String findingId,
    long sequence,
    String changeKind,
    String previousStatus,
    String newStatus,
    String reason,
    Instant evaluatedAt,
    String triggerKind,
    String triggerEventId,
    boolean suppressed,
    int practice,
    String controlId,
    String title,
    String severity,
    String resourceKey,
    String resourceType,
    String resourceId,
    String resourceArn,
    String accountId,
    String region,
    String resourceName,
    Actor actor,
    Instant failingSince,
    Long failedForMillis) {

  /** Who caused the change (a CloudTrail event's caller), CERTAIN or PROBABLE; see FindingDelta.attribution. */
  public record Actor(String certainty, String principalArn, String principalType, String principalAccountId,
      String sessionIssuerArn, String sourceIpAddress, String userAgent, String eventName, String eventSource,
      Instant eventTime, String eventId) {

    static Actor of(io.compliancestreams.schemas.avro.Attribution a) {
      return a == null ? null : new Actor(a.getCertainty().name(), a.getPrincipalArn(), a.getPrincipalType(),
          a.getPrincipalAccountId(), a.getSessionIssuerArn(), a.getSourceIpAddress(), a.getUserAgent(),
          a.getEventName(), a.getEventSource(), a.getEventTime(), a.getEventId());
    }
  }

  public static HistoryEntry of(FindingDelta d) {
    return new HistoryEntry(d.getDeltaId(), d.getFindingId(), d.getSequence(), d.getChangeKind().name(),
        name(d.getPreviousStatus()), name(d.getNewStatus()), d.getReason(), d.getEvaluatedAt(),
        d.getTrigger().getKind().name(), d.getTrigger().getEventId(), d.getSuppressed(), d.getPractice(),
        d.getControlId(), d.getTitle(), d.getSeverity().name(), d.getResourceKey(), d.getResourceType(),
        d.getResourceId(), d.getResourceArn(), d.getAccountId(), d.getRegion(), d.getResourceName(),
        Actor.of(d.getAttribution()), d.getFailingSince(), d.getFailedForMillis());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
