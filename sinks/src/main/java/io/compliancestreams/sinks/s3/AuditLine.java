package io.compliancestreams.sinks.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.Attribution;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.runner.SinkRecord;

/**
 * One delta as one flat JSON line: the FindingDelta's Avro field names in schema order, enums as
 * their symbols, {@code evaluatedAt} as an ISO-8601 UTC string, the nested {@code trigger} flattened
 * to {@code triggerKind}, {@code triggerSnapshotStateId}, {@code triggerEventId}, the nested
 * {@code attribution} to {@code attribution<Field>} ({@code attributionEventTime} ISO-8601),
 * {@code failingSince} ISO-8601 and {@code failedForMillis} a number (both set only on the delta that
 * ends a failure), absent values as JSON null, then where the record came from ({@code sourceTopic}, {@code sourcePartition},
 * {@code sourceOffset}). docs/s3-audit-trail-athena.md declares the same columns.
 */
final class AuditLine {

  private AuditLine() {}

  static byte[] of(SinkRecord record) {
    FindingDelta d = record.delta();
    ObjectNode n = JsonLines.object();
    n.put("deltaId", d.getDeltaId());
    n.put("findingId", d.getFindingId());
    n.put("sequence", d.getSequence());
    n.put("previousStatus", d.getPreviousStatus() == null ? null : d.getPreviousStatus().name());
    n.put("newStatus", d.getNewStatus() == null ? null : d.getNewStatus().name());
    n.put("changeKind", d.getChangeKind().name());
    n.put("practice", d.getPractice());
    n.put("controlId", d.getControlId());
    n.put("title", d.getTitle());
    n.put("severity", d.getSeverity().name());
    n.put("securityHubSeverity", d.getSecurityHubSeverity().name());
    n.put("resourceKey", d.getResourceKey());
    n.put("resourceType", d.getResourceType());
    n.put("resourceId", d.getResourceId());
    n.put("resourceArn", d.getResourceArn());
    n.put("accountId", d.getAccountId());
    n.put("region", d.getRegion());
    n.put("reason", d.getReason());
    n.put("remediation", d.getRemediation());
    n.put("evaluatedAt", d.getEvaluatedAt().toString());
    n.put("triggerKind", d.getTrigger().getKind().name());
    n.put("triggerSnapshotStateId", d.getTrigger().getSnapshotStateId());
    n.put("triggerEventId", d.getTrigger().getEventId());
    n.put("suppressed", d.getSuppressed());
    Attribution a = d.getAttribution();
    n.put("attributionCertainty", a == null ? null : a.getCertainty().name());
    n.put("attributionPrincipalArn", a == null ? null : a.getPrincipalArn());
    n.put("attributionPrincipalType", a == null ? null : a.getPrincipalType());
    n.put("attributionPrincipalAccountId", a == null ? null : a.getPrincipalAccountId());
    n.put("attributionSessionIssuerArn", a == null ? null : a.getSessionIssuerArn());
    n.put("attributionSourceIpAddress", a == null ? null : a.getSourceIpAddress());
    n.put("attributionUserAgent", a == null ? null : a.getUserAgent());
    n.put("attributionEventName", a == null ? null : a.getEventName());
    n.put("attributionEventSource", a == null ? null : a.getEventSource());
    n.put("attributionEventTime", a == null ? null : a.getEventTime().toString());
    n.put("attributionEventId", a == null ? null : a.getEventId());
    n.put("failingSince", d.getFailingSince() == null ? null : d.getFailingSince().toString());
    n.put("failedForMillis", d.getFailedForMillis());
    n.put("sourceTopic", record.topic());
    n.put("sourcePartition", record.partition());
    n.put("sourceOffset", record.offset());
    return JsonLines.line(n);
  }
}
