package io.compliancestreams.sinks.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.schemas.avro.Trigger;
import io.compliancestreams.schemas.avro.TriggerKind;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads back what {@link AuditLine} and {@link PostureLine} wrote: a gzip object's JSON lines as the
 * contract's records. The attribution of a delta is not read back (a posture does not use it).
 */
final class TrailJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrailJson() {}

  /** The JSON lines of a gzip object; {@code key} names it in an error. */
  static List<JsonNode> lines(String key, byte[] gzip) {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(new ByteArrayInputStream(gzip)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + key + ": " + e.getMessage(), e);
    }
    return out;
  }

  static Finding finding(JsonNode n) {
    return Finding.newBuilder()
        .setFindingId(n.path("findingId").asText())
        .setPractice(n.path("practice").asInt())
        .setControlId(n.path("controlId").asText())
        .setTitle(n.path("title").asText())
        .setSeverity(Severity.valueOf(n.path("severity").asText()))
        .setSecurityHubSeverity(Severity.valueOf(n.path("securityHubSeverity").asText()))
        .setStatus(FindingStatus.valueOf(n.path("status").asText()))
        .setResourceKey(n.path("resourceKey").asText())
        .setResourceType(n.path("resourceType").asText())
        .setResourceId(n.path("resourceId").asText())
        .setResourceArn(text(n, "resourceArn"))
        .setAccountId(n.path("accountId").asText())
        .setRegion(n.path("region").asText())
        .setReason(n.path("reason").asText())
        .setEvaluatedAt(Instant.parse(n.path("evaluatedAt").asText()))
        .setFirstSeenAt(Instant.parse(n.path("firstSeenAt").asText()))
        .setLastChangedAt(Instant.parse(n.path("lastChangedAt").asText()))
        .setSuppressed(n.path("suppressed").asBoolean(false))
        .setRecheckAt(text(n, "recheckAt") == null ? null : Instant.parse(n.path("recheckAt").asText()))
        .build();
  }

  static FindingDelta delta(JsonNode n) {
    return FindingDelta.newBuilder()
        .setDeltaId(n.path("deltaId").asText())
        .setFindingId(n.path("findingId").asText())
        .setSequence(n.path("sequence").asLong())
        .setPreviousStatus(text(n, "previousStatus") == null ? null : FindingStatus.valueOf(n.path("previousStatus").asText()))
        .setNewStatus(text(n, "newStatus") == null ? null : FindingStatus.valueOf(n.path("newStatus").asText()))
        .setChangeKind(ChangeKind.valueOf(n.path("changeKind").asText()))
        .setPractice(n.path("practice").asInt())
        .setControlId(n.path("controlId").asText())
        .setTitle(n.path("title").asText())
        .setSeverity(Severity.valueOf(n.path("severity").asText()))
        .setSecurityHubSeverity(Severity.valueOf(n.path("securityHubSeverity").asText()))
        .setResourceKey(n.path("resourceKey").asText())
        .setResourceType(n.path("resourceType").asText())
        .setResourceId(n.path("resourceId").asText())
        .setResourceArn(text(n, "resourceArn"))
        .setAccountId(n.path("accountId").asText())
        .setRegion(n.path("region").asText())
        .setReason(n.path("reason").asText())
        .setRemediation(text(n, "remediation"))
        .setEvaluatedAt(Instant.parse(n.path("evaluatedAt").asText()))
        .setTrigger(Trigger.newBuilder().setKind(TriggerKind.valueOf(n.path("triggerKind").asText()))
            .setSnapshotStateId(text(n, "triggerSnapshotStateId")).setEventId(text(n, "triggerEventId")).build())
        .setSuppressed(n.path("suppressed").asBoolean(false))
        .build();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
