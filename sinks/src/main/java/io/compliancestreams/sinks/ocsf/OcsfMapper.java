package io.compliancestreams.sinks.ocsf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.Attribution;
import io.compliancestreams.schemas.avro.AttributionCertainty;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.schemas.avro.TriggerKind;
import java.util.Objects;

/**
 * A delta as an OCSF Compliance Finding (class_uid 2003, category 2 Findings), version 1.6.0 by
 * default or 1.1.0. Pure: the same delta always gives the same event, so a replayed delta is
 * recognised downstream by {@code metadata.uid} (the delta id). The mapping and its reasons are
 * in docs/sinks.md#siem-ocsf; in short, only a FAIL is an open finding with the practice's
 * severity:
 *
 * <ul>
 *   <li>activity: NEW → 1 Create; a change to PASS, NOT_APPLICABLE or closed → 3 Close; any other
 *       change → 2 Update.
 *   <li>finding status_id: FAIL or ERROR → 1 New (3 Suppressed when a suppression covers it);
 *       PASS → 4 Resolved; NOT_APPLICABLE and closed → 5 Archived in 1.6.0 (4 Resolved in 1.1.0,
 *       which has no Archived).
 *   <li>severity_id: the practice's severity for a FAIL; 1 Informational for everything else.
 *   <li>compliance.status_id: PASS → 1 Pass; ERROR → 2 Warning; FAIL → 3 Fail; NOT_APPLICABLE → 99
 *       Other; closed → 0 Unknown.
 * </ul>
 *
 * <p>Fields OCSF has no place for go to {@code unmapped}.
 */
final class OcsfMapper {

  static final int CLASS_UID = 2003;
  static final int CATEGORY_UID = 2;
  static final String STANDARD = "AWS Foundational Security Best Practices";
  static final String FINDING_TYPE =
      "Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices";
  static final String PRODUCT_NAME = "Compliance Streams";
  /** The region label the pipeline's keys give global facts (IAM, account-wide settings). */
  static final String GLOBAL_REGION = "global";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String vendorName;
  private final String productVersion;
  private final OcsfVersion version;

  OcsfMapper(String vendorName, String productVersion, OcsfVersion version) {
    this.vendorName = Objects.requireNonNull(vendorName, "vendorName");
    this.productVersion = Objects.requireNonNull(productVersion, "productVersion");
    this.version = Objects.requireNonNull(version, "version");
  }

  ObjectNode map(FindingDelta d) {
    long time = d.getEvaluatedAt().toEpochMilli();
    int activityId = activityId(d);
    ObjectNode e = JSON.objectNode();
    e.put("activity_id", activityId);
    e.put("activity_name", activityName(activityId));
    e.put("category_uid", CATEGORY_UID);
    e.put("category_name", "Findings");
    e.put("class_uid", CLASS_UID);
    e.put("class_name", "Compliance Finding");
    e.put("type_uid", CLASS_UID * 100L + activityId);
    e.put("type_name", "Compliance Finding: " + activityName(activityId));
    e.put("time", time);
    e.put("timezone_offset", 0); // every time we emit is UTC
    int severityId = severityId(d);
    e.put("severity_id", severityId);
    e.put("severity", severityCaption(severityId));
    int statusId = statusId(d, version);
    e.put("status_id", statusId);
    e.put("status", statusCaption(statusId));
    e.put("status_code", d.getChangeKind().name());
    e.put("status_detail", statusDetail(d));
    e.put("message", message(d));
    e.set("metadata", metadata(d));
    e.set("cloud", cloud(d));
    e.set("compliance", compliance(d));
    e.set("finding_info", findingInfo(d, time));
    if (version == OcsfVersion.V1_1_0) {
      e.set("resource", resource(d)); // 1.1.0 has no resources array
    } else {
      e.set("resources", JSON.arrayNode().add(resource(d))); // resource is deprecated since 1.3.0
      ArrayNode evidences = evidences(d);
      if (!evidences.isEmpty()) {
        e.set("evidences", evidences);
      }
    }
    if (d.getRemediation() != null) {
      e.set("remediation", JSON.objectNode().put("desc", d.getRemediation()));
    }
    e.set("unmapped", unmapped(d));
    return e;
  }

  /**
   * What caused the evaluation, as {@code evidences[]} (OCSF 1.6 only): the CloudTrail call of the
   * delta's attribution (the actor, the API, the source endpoint and user agent; a probable cause
   * says so), or the triggering event's id alone when the delta names no actor.
   */
  static ArrayNode evidences(FindingDelta d) {
    ArrayNode out = JSON.arrayNode();
    Attribution a = d.getAttribution();
    if (a != null) {
      out.add(new CloudTrailEvidence(a.getEventId(), a.getEventName(), a.getEventSource(), a.getEventTime(),
          a.getPrincipalArn(), a.getPrincipalType(), a.getPrincipalAccountId(), a.getSessionIssuerArn(),
          a.getSourceIpAddress(), a.getUserAgent(), a.getCertainty() != AttributionCertainty.CERTAIN).toOcsf());
    } else if (d.getTrigger().getKind() == TriggerKind.EVENT && d.getTrigger().getEventId() != null) {
      out.add(CloudTrailEvidence.trigger(d.getTrigger().getEventId()).toOcsf());
    }
    return out;
  }

  /** NEW creates the finding; a change to a status that needs no action closes it; others update it. */
  static int activityId(FindingDelta d) {
    if (d.getChangeKind() == ChangeKind.NEW) {
      return 1;
    }
    return open(d.getNewStatus()) ? 2 : 3;
  }

  private static String activityName(int id) {
    return switch (id) {
      case 1 -> "Create";
      case 2 -> "Update";
      default -> "Close";
    };
  }

  /** FAIL and ERROR ask someone to act (fix the resource, or fix what kept us from evaluating it). */
  private static boolean open(FindingStatus status) {
    return status == FindingStatus.FAIL || status == FindingStatus.ERROR;
  }

  /**
   * The practice's severity only for a FAIL: severity rates the risk of an open violation, and a
   * PASS, an ERROR, a not-applicable or a closed finding carries none, so a SIEM rule on "new
   * high-severity finding" never fires on them.
   */
  static int severityId(FindingDelta d) {
    if (d.getNewStatus() != FindingStatus.FAIL) {
      return 1;
    }
    return severityId(d.getSeverity());
  }

  static int severityId(Severity s) {
    return switch (s) {
      case CRITICAL -> 5;
      case HIGH -> 4;
      case MEDIUM -> 3;
      case LOW -> 2;
      case INFORMATIONAL -> 1;
    };
  }

  private static String severityCaption(int id) {
    return switch (id) {
      case 5 -> "Critical";
      case 4 -> "High";
      case 3 -> "Medium";
      case 2 -> "Low";
      default -> "Informational";
    };
  }

  static int statusId(FindingDelta d, OcsfVersion version) {
    FindingStatus status = d.getNewStatus();
    if (open(status)) {
      return d.getSuppressed() ? 3 : 1;
    }
    if (status == FindingStatus.PASS) {
      return 4;
    }
    // Not applicable any more, or the resource is gone: nothing was fixed, the finding is put
    // away (Security Hub archives such findings). 1.1.0 has no Archived.
    return version == OcsfVersion.V1_1_0 ? 4 : 5;
  }

  private static String statusCaption(int id) {
    return switch (id) {
      case 1 -> "New";
      case 3 -> "Suppressed";
      case 4 -> "Resolved";
      default -> "Archived";
    };
  }

  private static String statusDetail(FindingDelta d) {
    String from = d.getPreviousStatus() == null ? "none" : d.getPreviousStatus().name();
    String to = d.getNewStatus() == null ? "closed (resource deleted or practice no longer applicable)"
        : d.getNewStatus().name();
    return d.getChangeKind().name() + ": " + from + " -> " + to
        + (d.getSuppressed() ? " (suppressed)" : "");
  }

  private static String message(FindingDelta d) {
    String status = d.getNewStatus() == null ? "CLOSED" : d.getNewStatus().name();
    return d.getControlId() + " " + status + " on " + resourceUid(d) + ": " + d.getReason();
  }

  private ObjectNode metadata(FindingDelta d) {
    ObjectNode m = JSON.objectNode();
    m.put("version", version.label());
    m.put("uid", d.getDeltaId());
    m.put("correlation_uid", d.getFindingId());
    m.set("profiles", JSON.arrayNode().add("cloud"));
    ObjectNode product = m.putObject("product");
    product.put("name", PRODUCT_NAME);
    product.put("vendor_name", vendorName);
    product.put("version", productVersion);
    return m;
  }

  private ObjectNode cloud(FindingDelta d) {
    ObjectNode c = JSON.objectNode();
    c.put("provider", "AWS");
    c.put("region", region(d));
    c.set("account", account(d.getAccountId()));
    if (version != OcsfVersion.V1_1_0) {
      c.put("cloud_partition", partition(d)); // new in 1.6.0's cloud
    }
    return c;
  }

  static ObjectNode account(String accountId) {
    return JSON.objectNode().put("uid", accountId).put("type_id", 10).put("type", "AWS Account");
  }

  private ObjectNode compliance(FindingDelta d) {
    ObjectNode c = JSON.objectNode();
    c.put("control", d.getControlId());
    c.set("standards", JSON.arrayNode().add(STANDARD));
    int statusId = complianceStatusId(d.getNewStatus());
    c.put("status_id", statusId);
    c.put("status", switch (statusId) {
      case 1 -> "Pass";
      case 2 -> "Warning";
      case 3 -> "Fail";
      case 99 -> "Not Applicable";
      default -> "Unknown";
    });
    if (d.getNewStatus() != null) {
      c.put("status_code", d.getNewStatus().name());
    }
    if (version == OcsfVersion.V1_1_0) {
      c.put("status_detail", d.getReason());
    } else {
      c.set("status_details", JSON.arrayNode().add(d.getReason())); // status_detail is deprecated in 1.6
    }
    return c;
  }

  static int complianceStatusId(FindingStatus status) {
    if (status == null) {
      return 0;
    }
    return switch (status) {
      case PASS -> 1;
      case ERROR -> 2;
      case FAIL -> 3;
      case NOT_APPLICABLE -> 99;
    };
  }

  private static ObjectNode findingInfo(FindingDelta d, long time) {
    ObjectNode f = JSON.objectNode();
    f.put("uid", d.getFindingId());
    f.put("title", d.getTitle());
    f.put("desc", d.getReason());
    f.set("types", JSON.arrayNode().add(FINDING_TYPE));
    if (d.getChangeKind() == ChangeKind.NEW) {
      // Only the NEW delta knows when the finding was first seen; later deltas leave it out.
      f.put("first_seen_time", time);
      f.put("created_time", time);
    }
    f.put("last_seen_time", time);
    f.put("modified_time", time);
    ObjectNode analytic = f.putObject("analytic");
    analytic.put("uid", "practice-" + d.getPractice());
    analytic.put("name", d.getControlId());
    analytic.put("type_id", 1);
    analytic.put("type", "Rule");
    return f;
  }

  private static ObjectNode resource(FindingDelta d) {
    ObjectNode r = JSON.objectNode();
    r.put("uid", resourceUid(d));
    // The name people know (an IAM user's, a security group's) when the delta has one; the id is uid/data.
    r.put("name", d.getResourceName() != null ? d.getResourceName() : d.getResourceId());
    r.put("type", d.getResourceType());
    r.put("region", region(d));
    r.put("cloud_partition", partition(d));
    r.putObject("owner").set("account", account(d.getAccountId()));
    r.putObject("data").put("resource_key", d.getResourceKey());
    return r;
  }

  private static String resourceUid(FindingDelta d) {
    return d.getResourceArn() != null ? d.getResourceArn() : d.getResourceKey();
  }

  /**
   * A real region: global facts (IAM, account-wide settings; "global" in our keys) are placed in
   * their partition's home region, where IAM's control plane and its CloudTrail events live.
   */
  static String region(FindingDelta d) {
    return GLOBAL_REGION.equals(d.getRegion()) ? homeRegion(partition(d)) : d.getRegion();
  }

  static String homeRegion(String partition) {
    return switch (partition) {
      case "aws-cn" -> "cn-north-1";
      case "aws-us-gov" -> "us-gov-west-1";
      case "aws-iso" -> "us-iso-east-1";
      case "aws-iso-b" -> "us-isob-east-1";
      default -> "us-east-1";
    };
  }

  /** The ARN's partition, else the one the region belongs to. */
  static String partition(FindingDelta d) {
    String arn = d.getResourceArn();
    if (arn != null && arn.startsWith("arn:")) {
      String[] parts = arn.split(":", 3);
      if (parts.length == 3 && !parts[1].isEmpty()) {
        return parts[1];
      }
    }
    String region = d.getRegion();
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  private static ObjectNode unmapped(FindingDelta d) {
    ObjectNode u = JSON.objectNode();
    u.put("practice", d.getPractice());
    u.put("sequence", d.getSequence());
    u.put("change_kind", d.getChangeKind().name());
    if (d.getPreviousStatus() != null) {
      u.put("previous_status", d.getPreviousStatus().name());
    }
    if (d.getNewStatus() != null) {
      u.put("new_status", d.getNewStatus().name());
    }
    // The practice's own rating, kept while severity_id says Informational for a non-failure.
    u.put("practice_severity", d.getSeverity().name());
    u.put("security_hub_severity", d.getSecurityHubSeverity().name());
    u.put("suppressed", d.getSuppressed());
    u.put("trigger_kind", d.getTrigger().getKind().name());
    if (d.getTrigger().getEventId() != null) {
      u.put("trigger_event_id", d.getTrigger().getEventId());
    }
    if (d.getTrigger().getSnapshotStateId() != null) {
      u.put("trigger_snapshot_state_id", d.getTrigger().getSnapshotStateId());
    }
    return u;
  }
}
