package io.compliancestreams.sinks.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.Finding;
import java.time.Instant;

/**
 * One live finding of a posture snapshot as one flat JSON line: the Finding's Avro field names in
 * schema order, enums as their symbols, timestamps as ISO-8601 UTC strings, absent values as JSON
 * null, then {@code snapshotAt} and {@code complete} (false when the snapshot was taken before the
 * streams application had caught up with its input: the posture may lack findings). Same conventions as {@link AuditLine}, so one reader handles both;
 * docs/s3-audit-trail-athena.md declares the same columns.
 */
final class PostureLine {

  private PostureLine() {}

  static byte[] of(Finding f, Instant snapshotAt, boolean complete) {
    ObjectNode n = JsonLines.object();
    n.put("findingId", f.getFindingId());
    n.put("practice", f.getPractice());
    n.put("controlId", f.getControlId());
    n.put("title", f.getTitle());
    n.put("severity", f.getSeverity().name());
    n.put("securityHubSeverity", f.getSecurityHubSeverity().name());
    n.put("status", f.getStatus().name());
    n.put("resourceKey", f.getResourceKey());
    n.put("resourceType", f.getResourceType());
    n.put("resourceId", f.getResourceId());
    n.put("resourceArn", f.getResourceArn());
    n.put("accountId", f.getAccountId());
    n.put("region", f.getRegion());
    n.put("reason", f.getReason());
    n.put("evaluatedAt", f.getEvaluatedAt().toString());
    n.put("firstSeenAt", f.getFirstSeenAt().toString());
    n.put("lastChangedAt", f.getLastChangedAt().toString());
    n.put("suppressed", f.getSuppressed());
    n.put("recheckAt", f.getRecheckAt() == null ? null : f.getRecheckAt().toString());
    n.put("snapshotAt", snapshotAt.toString());
    n.put("complete", complete);
    return JsonLines.line(n);
  }
}
