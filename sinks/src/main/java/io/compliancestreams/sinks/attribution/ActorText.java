package io.compliancestreams.sinks.attribution;

import io.compliancestreams.schemas.avro.Attribution;
import io.compliancestreams.schemas.avro.AttributionCertainty;

/** The words for a delta's actor; every method returns null when the delta names none. */
public final class ActorText {

  private ActorText() {}

  /**
   * {@code by arn:aws:sts::111111111111:assumed-role/Admin/alice from 203.0.113.7}, or {@code probably
   * by ...} when the event is only the most recent one seen for the resource.
   */
  public static String of(Attribution a) {
    if (a == null) {
      return null;
    }
    StringBuilder s = new StringBuilder(probable(a) ? "probably by " : "by ").append(who(a));
    if (a.getSourceIpAddress() != null && !a.getSourceIpAddress().isBlank()) {
      s.append(" from ").append(a.getSourceIpAddress());
    }
    return s.toString();
  }

  /** The call: {@code s3.amazonaws.com DeleteBucketPublicAccessBlock at 2026-06-01T01:05:00Z (event <id>)}. */
  public static String call(Attribution a) {
    if (a == null) {
      return null;
    }
    return a.getEventSource() + " " + a.getEventName() + " at " + a.getEventTime()
        + (a.getEventId() == null ? "" : " (event " + a.getEventId() + ")");
  }

  public static boolean probable(Attribution a) {
    return a != null && a.getCertainty() != AttributionCertainty.CERTAIN;
  }

  /** The principal's ARN, else its type (an AWS service has no ARN), else "an unknown principal". */
  private static String who(Attribution a) {
    if (a.getPrincipalArn() != null && !a.getPrincipalArn().isBlank()) {
      return a.getPrincipalArn();
    }
    if (a.getPrincipalType() != null && !a.getPrincipalType().isBlank()) {
      return "a principal of type " + a.getPrincipalType();
    }
    return "an unknown principal";
  }
}
