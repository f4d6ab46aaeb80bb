package io.compliancestreams.sinks.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.sinks.testkit.Deltas;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OcsfMapperTest {

  /*
   * Required attributes of an OCSF 1.1.0 Compliance Finding [2003] with the cloud profile, from the
   * schema (https://schema.ocsf.io/1.1.0/classes/compliance_finding?profiles=cloud, sources in
   * github.com/ocsf/ocsf-schema v1.1.0): base_event.json (category_uid, class_uid, type_uid, time,
   * severity_id, metadata), finding.json (activity_id, finding_info), compliance_finding.json
   * (compliance), profiles/cloud.json (cloud); and of the objects they hold: metadata.json (product,
   * version), finding_info.json (uid, title), compliance.json (standards), cloud.json (provider).
   */
  static final List<String> REQUIRED = List.of(
      "activity_id", "category_uid", "class_uid", "type_uid", "time", "severity_id",
      "metadata", "metadata.version", "metadata.product",
      "finding_info", "finding_info.uid", "finding_info.title",
      "compliance", "compliance.standards",
      "cloud", "cloud.provider");

  /*
   * Recommended attributes, same sources: base_event.json (message, status, status_id,
   * timezone_offset), compliance_finding.json (remediation, resource; resources from 1.3.0 on),
   * compliance.json (control, status, status_id), product.json (name, vendor_name, version),
   * cloud.json (region), finding_info.json (analytic), _resource.json (uid, name), remediation.json
   * (desc is the required attribute of the object).
   */
  static final List<String> RECOMMENDED = List.of(
      "message", "status", "status_id", "timezone_offset",
      "remediation", "remediation.desc", "resource", "resource.uid", "resource.name", "resources",
      "compliance.control", "compliance.status", "compliance.status_id",
      "metadata.product.name", "metadata.product.vendor_name", "metadata.product.version",
      "cloud.region", "finding_info.analytic");

  private final OcsfMapper mapper = new OcsfMapper("Example Corp", "0.1.0");

  static Stream<Arguments> everyChangeKind() {
    return Stream.of(
        Arguments.of(Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL), 1),
        Arguments.of(Deltas.of(ChangeKind.NEW, null, FindingStatus.PASS), 1),
        Arguments.of(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL), 2),
        Arguments.of(Deltas.of(ChangeKind.CHANGED, FindingStatus.FAIL, FindingStatus.ERROR), 2),
        Arguments.of(Deltas.of(ChangeKind.RESOLVED, FindingStatus.FAIL, FindingStatus.PASS), 3),
        Arguments.of(Deltas.of(ChangeKind.CLOSED, FindingStatus.FAIL, null), 3));
  }

  @ParameterizedTest
  @MethodSource("everyChangeKind")
  void shouldCarryEveryRequiredAttributeAndTheRightActivity(FindingDelta delta, int activity) {
    JsonNode e = mapper.map(delta);

    assertThat(missing(e, REQUIRED)).as("missing required attributes").isEmpty();
    assertThat(e.get("class_uid").asInt()).isEqualTo(2003);
    assertThat(e.get("category_uid").asInt()).isEqualTo(2);
    assertThat(e.get("activity_id").asInt()).isEqualTo(activity);
    assertThat(e.get("type_uid").asLong()).isEqualTo(2003L * 100 + activity);
    assertThat(e.get("time").asLong()).isEqualTo(Samples.T0.toEpochMilli());
    assertThat(e.get("metadata").get("version").asText()).isEqualTo("1.1.0");
    assertThat(e.get("metadata").get("uid").asText()).isEqualTo(delta.getDeltaId());
  }

  @Test
  void shouldCarryEveryRecommendedAttributeForAFailure() {
    JsonNode e = mapper.map(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL));

    assertThat(missing(e, RECOMMENDED)).as("missing recommended attributes").isEmpty();
  }

  @Test
  void shouldMapEveryFieldOfTheSampleRegression() {
    JsonNode e = mapper.map(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL));

    assertThat(e.get("activity_name").asText()).isEqualTo("Update");
    assertThat(e.get("type_name").asText()).isEqualTo("Compliance Finding: Update");
    assertThat(e.get("severity_id").asInt()).isEqualTo(4);
    assertThat(e.get("severity").asText()).isEqualTo("High");
    assertThat(e.get("status_id").asInt()).isEqualTo(1);
    assertThat(e.get("status").asText()).isEqualTo("New");
    JsonNode c = e.get("compliance");
    assertThat(c.get("control").asText()).isEqualTo("S3.4");
    assertThat(c.get("standards").get(0).asText()).isEqualTo("AWS Foundational Security Best Practices");
    assertThat(c.get("status_id").asInt()).isEqualTo(3);
    assertThat(c.get("status").asText()).isEqualTo("Fail");
    JsonNode f = e.get("finding_info");
    assertThat(f.get("uid").asText()).isEqualTo("f-3b9a");
    assertThat(f.get("title").asText()).isEqualTo("S3 buckets should have server-side encryption enabled");
    assertThat(f.get("desc").asText()).isEqualTo("Bucket audit-logs has no default encryption.");
    assertThat(f.get("last_seen_time").asLong()).isEqualTo(Samples.T0.toEpochMilli());
    assertThat(f.has("first_seen_time")).isFalse();
    JsonNode r = e.get("resources").get(0);
    assertThat(r.get("uid").asText()).isEqualTo("arn:aws:s3:::audit-logs");
    assertThat(r.get("type").asText()).isEqualTo("AWS::S3::Bucket");
    assertThat(r.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(r.get("cloud_partition").asText()).isEqualTo("aws");
    assertThat(r.get("owner").get("account").get("uid").asText()).isEqualTo("123456789012");
    assertThat(e.get("resource")).isEqualTo(r);
    JsonNode cloud = e.get("cloud");
    assertThat(cloud.get("provider").asText()).isEqualTo("AWS");
    assertThat(cloud.get("account").get("uid").asText()).isEqualTo("123456789012");
    assertThat(e.get("remediation").get("desc").asText())
        .isEqualTo("Enable default encryption (SSE-S3 or SSE-KMS) on the bucket.");
    JsonNode product = e.get("metadata").get("product");
    assertThat(product.get("name").asText()).isEqualTo("Compliance Streams");
    assertThat(product.get("vendor_name").asText()).isEqualTo("Example Corp");
    assertThat(product.get("version").asText()).isEqualTo("0.1.0");
  }

  @Test
  void shouldMapSeveritiesStatusesAndPartitions() {
    assertThat(Stream.of(Severity.values()).map(OcsfMapper::severityId)).containsExactly(5, 4, 3, 2, 1);
    assertThat(OcsfMapper.complianceStatusId(FindingStatus.PASS)).isEqualTo(1);
    assertThat(OcsfMapper.complianceStatusId(FindingStatus.ERROR)).isEqualTo(2);
    assertThat(OcsfMapper.complianceStatusId(FindingStatus.FAIL)).isEqualTo(3);
    assertThat(OcsfMapper.complianceStatusId(null)).isZero();
    FindingDelta resolved = Deltas.of(ChangeKind.RESOLVED, FindingStatus.FAIL, FindingStatus.PASS);
    assertThat(OcsfMapper.statusId(resolved)).isEqualTo(4);
    assertThat(OcsfMapper.statusId(FindingDelta.newBuilder(resolved).setSuppressed(true).build())).isEqualTo(3);
    FindingDelta govCloud = FindingDelta.newBuilder(resolved).setResourceArn(null).setRegion("us-gov-west-1").build();
    assertThat(OcsfMapper.partition(govCloud)).isEqualTo("aws-us-gov");
    assertThat(mapper.map(govCloud).get("resources").get(0).get("uid").asText())
        .isEqualTo(Samples.BUCKET_KEY);
  }

  @Test
  void shouldSetFirstSeenOnlyOnNew() {
    JsonNode e = mapper.map(Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL));

    assertThat(e.get("finding_info").get("first_seen_time").asLong()).isEqualTo(Samples.T0.toEpochMilli());
    assertThat(e.get("status").asText()).isEqualTo("New");
  }

  private static List<String> missing(JsonNode event, List<String> paths) {
    List<String> out = new ArrayList<>();
    for (String path : paths) {
      JsonNode node = event;
      for (String part : path.split("\\.")) {
        node = node == null ? null : node.get(part);
      }
      if (node == null || node.isNull() || (node.isContainerNode() && node.isEmpty())
          || (node.isTextual() && node.asText().isBlank())) {
        out.add(path);
      }
    }
    return out;
  }
}
