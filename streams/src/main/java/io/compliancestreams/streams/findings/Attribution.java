package io.compliancestreams.streams.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * Who caused a change: the actor of one CloudTrail event. Every part but the event's name,
 * source and time may be null (records from some sources lack them).
 *
 * @param principalArn {@code userIdentity.arn}
 * @param principalType {@code userIdentity.type}
 * @param principalAccountId {@code userIdentity.accountId}
 * @param sessionIssuerArn {@code userIdentity.sessionContext.sessionIssuer.arn}
 * @param sourceIpAddress {@code sourceIPAddress}
 * @param userAgent {@code userAgent}
 */
public record Attribution(
    Certainty certainty,
    String principalArn,
    String principalType,
    String principalAccountId,
    String sessionIssuerArn,
    String sourceIpAddress,
    String userAgent,
    String eventName,
    String eventSource,
    Instant eventTime,
    String eventId) {

  /**
   * CERTAIN: the event triggered the evaluation. PROBABLE: a snapshot revealed the change and this
   * is the most recent relevant event seen for the resource within the attribution window.
   */
  public enum Certainty { CERTAIN, PROBABLE }

  public Attribution {
    Objects.requireNonNull(certainty, "certainty");
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(eventSource, "eventSource");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  public Attribution withCertainty(Certainty value) {
    return new Attribution(value, principalArn, principalType, principalAccountId, sessionIssuerArn,
        sourceIpAddress, userAgent, eventName, eventSource, eventTime, eventId);
  }
}
