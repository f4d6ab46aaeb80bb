package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.Attribution;
import io.compliancestreams.schemas.avro.AttributionCertainty;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.schemas.avro.Trigger;
import io.compliancestreams.schemas.avro.TriggerKind;
import io.compliancestreams.streams.findings.Delta;
import io.compliancestreams.streams.findings.StoredFinding;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Status;

/** The one mapper from the core's deltas and findings to the output contracts (Avro). */
final class FindingRecords {

  private FindingRecords() {}

  static FindingDelta toDelta(Delta d, PracticeMetadata m, boolean suppressed, String resourceName) {
    return FindingDelta.newBuilder()
        .setDeltaId(d.deltaId())
        .setFindingId(d.findingId())
        .setSequence(d.sequence())
        .setPreviousStatus(status(d.previousStatus()))
        .setNewStatus(status(d.newStatus()))
        .setChangeKind(ChangeKind.valueOf(d.kind().name()))
        .setPractice(m.number())
        .setControlId(m.controlId())
        .setTitle(m.title())
        .setSeverity(Severity.valueOf(m.severity().name()))
        .setSecurityHubSeverity(Severity.valueOf(m.securityHubSeverity().name()))
        .setResourceKey(d.resource().key())
        .setResourceType(d.resource().resourceType())
        .setResourceId(d.resource().resourceId())
        .setResourceArn(d.resource().arn())
        .setResourceName(resourceName)
        .setAccountId(d.resource().accountId())
        .setRegion(d.resource().region())
        .setReason(d.reason())
        .setRemediation(m.remediation())
        .setEvaluatedAt(d.evaluatedAt())
        .setTrigger(Trigger.newBuilder()
            .setKind(TriggerKind.valueOf(d.trigger().kind().name()))
            .setSnapshotStateId(d.trigger().snapshotStateId())
            .setEventId(d.trigger().eventId())
            .build())
        .setSuppressed(suppressed)
        .setAttribution(attribution(d.trigger().attribution()))
        .setFailingSince(d.failingSince())
        .setFailedForMillis(d.failedFor() == null ? null : d.failedFor().toMillis())
        .build();
  }

  private static Attribution attribution(io.compliancestreams.streams.findings.Attribution a) {
    if (a == null) {
      return null;
    }
    return Attribution.newBuilder()
        .setCertainty(AttributionCertainty.valueOf(a.certainty().name()))
        .setPrincipalArn(a.principalArn())
        .setPrincipalType(a.principalType())
        .setPrincipalAccountId(a.principalAccountId())
        .setSessionIssuerArn(a.sessionIssuerArn())
        .setSourceIpAddress(a.sourceIpAddress())
        .setUserAgent(a.userAgent())
        .setEventName(a.eventName())
        .setEventSource(a.eventSource())
        .setEventTime(a.eventTime())
        .setEventId(a.eventId())
        .build();
  }

  static Finding toFinding(StoredFinding f, PracticeMetadata m, boolean suppressed) {
    return Finding.newBuilder()
        .setFindingId(f.findingId())
        .setPractice(m.number())
        .setControlId(m.controlId())
        .setTitle(m.title())
        .setSeverity(Severity.valueOf(m.severity().name()))
        .setSecurityHubSeverity(Severity.valueOf(m.securityHubSeverity().name()))
        .setStatus(status(f.status()))
        .setResourceKey(f.resource().key())
        .setResourceType(f.resource().resourceType())
        .setResourceId(f.resource().resourceId())
        .setResourceArn(f.resource().arn())
        .setAccountId(f.resource().accountId())
        .setRegion(f.resource().region())
        .setReason(f.reason())
        .setEvaluatedAt(f.evaluatedAt())
        .setFirstSeenAt(f.firstSeenAt())
        .setLastChangedAt(f.lastChangedAt())
        .setSuppressed(suppressed)
        .setRecheckAt(f.recheckAt())
        .build();
  }

  private static FindingStatus status(Status status) {
    return status == null ? null : FindingStatus.valueOf(status.name());
  }
}
