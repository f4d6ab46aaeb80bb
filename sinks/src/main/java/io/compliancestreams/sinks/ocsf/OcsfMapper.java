package io.compliancestreams.sinks.ocsf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Severity;

/**
 * A delta as an OCSF {@value #SCHEMA_VERSION} Compliance Finding (class_uid 2003, category 2
 * Findings). Pure: the same delta always gives the same event, so a replayed delta is recognised
 * downstream by {@code metadata.uid} (the delta id).
 *
 * <ul>
 *   <li>activity: NEW → 1 Create; RESOLVED, CLOSED → 3 Close; REGRESSED, CHANGED → 2 Update.
 *       (A delta cannot tell a regression that is the finding's first FAIL from a later one, so
 *       every regression is an Update of the finding created by its NEW delta.)
 *   <li>finding status_id: suppressed → 3 Suppressed; NEW, REGRESSED → 1 New (to review);
 *       CHANGED → 2 In Progress; RESOLVED, CLOSED → 4 Resolved (CLOSED says why in status_detail).
 *   <li>compliance.status_id: PASS → 1 Pass; ERROR → 2 Warning (no result); FAIL → 3 Fail;
 *       NOT_APPLICABLE → 99 Other; closed (no new status) → 0 Unknown.
 *   <li>severity_id from the practice's severity: Critical 5, High 4, Medium 3, Low 2, Informational 1.
 * </ul>
 *
 * <p>Resources are written both as {@code resources} (the array OCSF 1.3+ uses) and {@code resource}
 * (the single object 1.1.0 recommends), so readers of either version find them. Fields OCSF has no
 * place for go to {@code unmapped}.
 */
final class OcsfMapper {

  static final String SCHEMA_VERSION = "1.1.0";
  static final int CLASS_UID = 2003;
  static final int CATEGORY_UID = 2;
  static final String STANDARD = "AWS Foundational Security Best Practices";
  static final String FINDING_TYPE =
      "Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices";
  static final String PRODUCT_NAME = "Compliance Streams";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String vendorName;
  private final String productVersion;

  OcsfMapper(String vendorName, String productVersion) {
    this.vendorName = vendorName;
    this.productVersion = productVersion;
  }

  ObjectNode map(FindingDelta d) {
    long time = d.getEvaluatedAt().toEpochMilli();
    int activityId = activityId(d.getChangeKind());
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
    e.put("severity_id", severityId(d.getSeverity()));
    e.put("severity", caption(d.getSeverity()));
    int statusId = statusId(d);
    e.put("status_id", statusId);
    e.put("status", statusCaption(statusId));
    e.put("status_code", d.getChangeKind().name());
    e.put("status_detail", statusDetail(d));
    e.put("message", message(d));
    e.set("metadata", metadata(d));
    e.set("cloud", cloud(d));
    e.set("compliance", compliance(d));
    e.set("finding_info", findingInfo(d, time));
    ObjectNode resource = resource(d);
    e.set("resources", JSON.arrayNode().add(resource));
    e.set("resource", resource.deepCopy());
    if (d.getRemediation() != null) {
      e.set("remediation", JSON.objectNode().put("desc", d.getRemediation()));
    }
    e.set("unmapped", unmapped(d));
    return e;
  }

  static int activityId(ChangeKind kind) {
    return switch (kind) {
      case NEW -> 1;
      case RESOLVED, CLOSED -> 3;
      case REGRESSED, CHANGED -> 2;
    };
  }

  private static String activityName(int id) {
    return switch (id) {
      case 1 -> "Create";
      case 2 -> "Update";
      default -> "Close";
    };
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

  private static String caption(Severity s) {
    String n = s.name();
    return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  static int statusId(FindingDelta d) {
    if (d.getSuppressed()) {
      return 3;
    }
    return switch (d.getChangeKind()) {
      case NEW, REGRESSED -> 1;
      case CHANGED -> 2;
      case RESOLVED, CLOSED -> 4;
    };
  }

  private static String statusCaption(int id) {
    return switch (id) {
      case 1 -> "New";
      case 2 -> "In Progress";
      case 3 -> "Suppressed";
      default -> "Resolved";
    };
  }

  private static String statusDetail(FindingDelta d) {
    String from = d.getPreviousStatus() == null ? "none" : d.getPreviousStatus().name();
    String to = d.getNewStatus() == null ? "closed (resource deleted or practice no longer applicable)"
        : d.getNewStatus().name();
    return d.getChangeKind().name() + ": " + from + " -> " + to;
  }

  private static String message(FindingDelta d) {
    String status = d.getNewStatus() == null ? "CLOSED" : d.getNewStatus().name();
    return d.getControlId() + " " + status + " on " + resourceUid(d) + ": " + d.getReason();
  }

  private ObjectNode metadata(FindingDelta d) {
    ObjectNode m = JSON.objectNode();
    m.put("version", SCHEMA_VERSION);
    m.put("uid", d.getDeltaId());
    m.put("correlation_uid", d.getFindingId());
    m.set("profiles", JSON.arrayNode().add("cloud"));
    ObjectNode product = m.putObject("product");
    product.put("name", PRODUCT_NAME);
    product.put("vendor_name", vendorName);
    product.put("version", productVersion);
    return m;
  }

  private static ObjectNode cloud(FindingDelta d) {
    ObjectNode c = JSON.objectNode();
    c.put("provider", "AWS");
    c.put("region", d.getRegion());
    c.set("account", account(d.getAccountId()));
    return c;
  }

  private static ObjectNode account(String accountId) {
    return JSON.objectNode().put("uid", accountId).put("type_id", 10).put("type", "AWS Account");
  }

  private static ObjectNode compliance(FindingDelta d) {
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
    c.put("status_detail", d.getReason());
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
    r.put("name", d.getResourceId());
    r.put("type", d.getResourceType());
    r.put("region", d.getRegion());
    r.put("cloud_partition", partition(d));
    r.putObject("owner").set("account", account(d.getAccountId()));
    r.putObject("data").put("resource_key", d.getResourceKey());
    return r;
  }

  private static String resourceUid(FindingDelta d) {
    return d.getResourceArn() != null ? d.getResourceArn() : d.getResourceKey();
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
    u.put("previous_status", d.getPreviousStatus() == null ? null : d.getPreviousStatus().name());
    u.put("new_status", d.getNewStatus() == null ? null : d.getNewStatus().name());
    u.put("security_hub_severity", d.getSecurityHubSeverity().name());
    u.put("suppressed", d.getSuppressed());
    u.put("trigger_kind", d.getTrigger().getKind().name());
    u.put("trigger_event_id", d.getTrigger().getEventId());
    return u;
  }
}
