package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.findings.Attribution;

/** The actor of a CloudTrail event, as a delta carries it. */
final class Attributions {

  private Attributions() {}

  static Attribution of(TrailEvent event, Attribution.Certainty certainty) {
    TrailEvent.UserIdentity who = event.userIdentity();
    return new Attribution(certainty, who.arn(), who.type(), who.accountId(), who.sessionIssuerArn(),
        event.sourceIPAddress(), event.userAgent(), event.eventName(), event.eventSource(),
        event.eventTime(), event.eventId());
  }
}
