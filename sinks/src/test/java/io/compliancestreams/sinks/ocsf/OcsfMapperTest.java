package io.compliancestreams.sinks.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.schemas.avro.Trigger;
import io.compliancestreams.schemas.avro.TriggerKind;
import io.compliancestreams.sinks.testkit.Deltas;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The mapping's meaning, as a SIEM rule reads it (the shape is OcsfSchemaValidationTest's job). */
class OcsfMapperTest {

  private final OcsfMapper mapper = new OcsfMapper("Example Corp", "0.1.0", OcsfVersion.V1_6_0);
  private final OcsfMapper v110 = new OcsfMapper("Example Corp", "0.1.0", OcsfVersion.V1_1_0);

  /** change kind, previous, new, expected activity_id, status_id, severity_id, compliance.status_id. */
  static Stream<Arguments> everyChangeKind() {
    return Stream.of(
        Arguments.of(ChangeKind.NEW, null, FindingStatus.FAIL, 1, 1, 4, 3),
        Arguments.of(ChangeKind.NEW, null, FindingStatus.PASS, 1, 4, 1, 1),
        Arguments.of(ChangeKind.NEW, null, FindingStatus.ERROR, 1, 1, 1, 2),
        Arguments.of(ChangeKind.NEW, null, FindingStatus.NOT_APPLICABLE, 1, 5, 1, 99),
        Arguments.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL, 2, 1, 4, 3),
        Arguments.of(ChangeKind.CHANGED, FindingStatus.FAIL, FindingStatus.ERROR, 2, 1, 1, 2),
        Arguments.of(ChangeKind.CHANGED, FindingStatus.ERROR, FindingStatus.FAIL, 2, 1, 4, 3),
        Arguments.of(ChangeKind.CHANGED, FindingStatus.ERROR, FindingStatus.PASS, 3, 4, 1, 1),
        Arguments.of(ChangeKind.CHANGED, FindingStatus.FAIL, FindingStatus.NOT_APPLICABLE, 3, 5, 1, 99),
        Arguments.of(ChangeKind.RESOLVED, FindingStatus.FAIL, FindingStatus.PASS, 3, 4, 1, 1),
        Arguments.of(ChangeKind.CLOSED, FindingStatus.FAIL, null, 3, 5, 1, 0));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("everyChangeKind")
  void shouldMapActivityStatusAndSeverityByWhatTheChangeMeans(ChangeKind kind, FindingStatus previous,
      FindingStatus next, int activity, int status, int severity, int compliance) {
    FindingDelta delta = Deltas.of(kind, previous, next); // the sample's practice is HIGH

    JsonNode e = mapper.map(delta);

    assertThat(e.get("activity_id").asInt()).isEqualTo(activity);
    assertThat(e.get("type_uid").asLong()).isEqualTo(2003L * 100 + activity);
    assertThat(e.get("status_id").asInt()).isEqualTo(status);
    assertThat(e.get("severity_id").asInt()).isEqualTo(severity);
    assertThat(e.at("/compliance/status_id").asInt()).isEqualTo(compliance);
    assertThat(e.at("/metadata/version").asText()).isEqualTo("1.6.0");
    assertThat(e.at("/metadata/uid").asText()).isEqualTo(delta.getDeltaId());
    assertThat(e.at("/unmapped/practice_severity").asText()).isEqualTo("HIGH");
  }

  /**
   * The rule a SIEM writes for "a new high-severity finding" (a finding created or reopened as New
   * with severity High or Critical) fires only for an unsuppressed FAIL, whatever the change.
   */
  @Test
  void shouldFireANewHighSeverityFindingRuleOnlyForAnUnsuppressedFailure() {
    List<String> wrong = new ArrayList<>();
    for (FindingDelta d : OcsfFixtures.everyDelta()) {
      for (Severity severity : List.of(Severity.HIGH, Severity.CRITICAL)) {
        FindingDelta rated = Deltas.withSeverity(d, severity);
        JsonNode e = mapper.map(rated);
        boolean fires = e.get("status_id").asInt() == 1 && e.get("severity_id").asInt() >= 4;
        boolean expected = rated.getNewStatus() == FindingStatus.FAIL && !rated.getSuppressed();
        if (fires != expected) {
          wrong.add(rated.getChangeKind() + " " + rated.getNewStatus() + " suppressed=" + rated.getSuppressed());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldCloseWithInformationalSeverityAndArchiveAClosedFinding() {
    JsonNode closed = mapper.map(Deltas.of(ChangeKind.CLOSED, FindingStatus.FAIL, null));
    JsonNode resolved = mapper.map(Deltas.of(ChangeKind.RESOLVED, FindingStatus.FAIL, FindingStatus.PASS));

    assertThat(closed.get("activity_name").asText()).isEqualTo("Close");
    assertThat(closed.get("severity").asText()).isEqualTo("Informational");
    assertThat(closed.get("status").asText()).isEqualTo("Archived");
    assertThat(resolved.get("status").asText()).isEqualTo("Resolved");
    assertThat(resolved.get("severity").asText()).isEqualTo("Informational");
    // 1.1.0 has no Archived: a closed finding is Resolved there.
    assertThat(v110.map(Deltas.of(ChangeKind.CLOSED, FindingStatus.FAIL, null)).get("status_id").asInt()).isEqualTo(4);
  }

  @Test
  void shouldMarkASuppressedFailureSuppressedAndASuppressedPassResolved() {
    FindingDelta failing = FindingDelta.newBuilder(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS,
        FindingStatus.FAIL)).setSuppressed(true).build();
    FindingDelta passing = FindingDelta.newBuilder(Deltas.of(ChangeKind.RESOLVED, FindingStatus.FAIL,
        FindingStatus.PASS)).setSuppressed(true).build();

    assertThat(mapper.map(failing).get("status").asText()).isEqualTo("Suppressed");
    assertThat(mapper.map(failing).get("severity").asText()).isEqualTo("High");
    assertThat(mapper.map(passing).get("status").asText()).isEqualTo("Resolved");
  }

  @Test
  void shouldMapEveryFieldOfTheSampleRegression() {
    JsonNode e = mapper.map(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL));

    assertThat(e.get("activity_name").asText()).isEqualTo("Update");
    assertThat(e.get("type_name").asText()).isEqualTo("Compliance Finding: Update");
    assertThat(e.get("severity").asText()).isEqualTo("High");
    assertThat(e.get("status").asText()).isEqualTo("New");
    assertThat(e.get("message").asText())
        .isEqualTo("S3.4 FAIL on arn:aws:s3:::audit-logs: Bucket audit-logs has no default encryption.");
    JsonNode c = e.get("compliance");
    assertThat(c.get("control").asText()).isEqualTo("S3.4");
    assertThat(c.get("standards").get(0).asText()).isEqualTo("AWS Foundational Security Best Practices");
    assertThat(c.get("status").asText()).isEqualTo("Fail");
    assertThat(c.get("status_details").get(0).asText()).isEqualTo("Bucket audit-logs has no default encryption.");
    JsonNode f = e.get("finding_info");
    assertThat(f.get("uid").asText()).isEqualTo("f-3b9a");
    assertThat(f.get("title").asText()).isEqualTo("S3 buckets should have server-side encryption enabled");
    assertThat(f.get("desc").asText()).isEqualTo("Bucket audit-logs has no default encryption.");
    assertThat(f.get("modified_time").asLong()).isEqualTo(Samples.T0.toEpochMilli());
    assertThat(f.has("created_time")).isFalse();
    assertThat(e.get("resources")).hasSize(1);
    assertThat(e.has("resource")).as("deprecated in 1.6").isFalse();
    JsonNode r = e.get("resources").get(0);
    assertThat(r.get("uid").asText()).isEqualTo("arn:aws:s3:::audit-logs");
    assertThat(r.get("name").asText()).isEqualTo("audit-logs");
    assertThat(r.get("type").asText()).isEqualTo("AWS::S3::Bucket");
    assertThat(r.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(r.get("cloud_partition").asText()).isEqualTo("aws");
    assertThat(r.at("/owner/account/uid").asText()).isEqualTo("123456789012");
    JsonNode cloud = e.get("cloud");
    assertThat(cloud.get("provider").asText()).isEqualTo("AWS");
    assertThat(cloud.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(cloud.at("/account/uid").asText()).isEqualTo("123456789012");
    assertThat(e.at("/remediation/desc").asText())
        .isEqualTo("Enable default encryption (SSE-S3 or SSE-KMS) on the bucket.");
    JsonNode product = e.at("/metadata/product");
    assertThat(product.get("name").asText()).isEqualTo("Compliance Streams");
    assertThat(product.get("vendor_name").asText()).isEqualTo("Example Corp");
    assertThat(product.get("version").asText()).isEqualTo("0.1.0");
  }

  @Test
  void shouldWriteTheSingleResourceAndStatusDetailIn110() {
    JsonNode e = v110.map(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL));

    assertThat(e.at("/metadata/version").asText()).isEqualTo("1.1.0");
    assertThat(e.at("/resource/uid").asText()).isEqualTo("arn:aws:s3:::audit-logs");
    assertThat(e.has("resources")).isFalse();
    assertThat(e.has("evidences")).isFalse();
    assertThat(e.at("/compliance/status_detail").asText()).isEqualTo("Bucket audit-logs has no default encryption.");
  }

  @Test
  void shouldPlaceGlobalResourcesInTheirPartitionsHomeRegion() {
    FindingDelta iamUser = FindingDelta.newBuilder(Samples.findingDelta()).setRegion("global")
        .setResourceKey("123456789012/global/AWS::IAM::User/AIDAEXAMPLEUSER000001")
        .setResourceType("AWS::IAM::User").setResourceArn("arn:aws:iam::123456789012:user/alice").build();
    FindingDelta govUser = FindingDelta.newBuilder(iamUser)
        .setResourceArn("arn:aws-us-gov:iam::123456789012:user/alice").build();
    FindingDelta cnUser = FindingDelta.newBuilder(iamUser).setResourceArn("arn:aws-cn:iam::123456789012:user/alice").build();

    assertThat(mapper.map(iamUser).at("/cloud/region").asText()).isEqualTo("us-east-1");
    assertThat(mapper.map(iamUser).at("/resources/0/region").asText()).isEqualTo("us-east-1");
    assertThat(mapper.map(govUser).at("/resources/0/region").asText()).isEqualTo("us-gov-west-1");
    assertThat(mapper.map(cnUser).at("/cloud/region").asText()).isEqualTo("cn-north-1");
    assertThat(mapper.map(iamUser).at("/resources/0/data/resource_key").asText()).contains("/global/");
  }

  @Test
  void shouldNameTheTriggeringEventAsEvidenceWhenTheDeltaNamesNoActor() {
    FindingDelta byEvent = FindingDelta.newBuilder(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL))
        .setAttribution(null).build();
    FindingDelta bySnapshot = FindingDelta.newBuilder(byEvent)
        .setTrigger(Trigger.newBuilder().setKind(TriggerKind.SNAPSHOT).setSnapshotStateId("1").build()).build();

    JsonNode evidence = mapper.map(byEvent).get("evidences").get(0);

    assertThat(evidence.get("uid").asText()).isEqualTo(byEvent.getTrigger().getEventId());
    assertThat(evidence.at("/data/relation").asText()).isEqualTo("trigger");
    assertThat(mapper.map(bySnapshot).has("evidences")).isFalse();
  }

  @Test
  void shouldMapSeveritiesStatusesAndPartitions() {
    assertThat(Stream.of(Severity.values()).map(OcsfMapper::severityId)).containsExactly(5, 4, 3, 2, 1);
    assertThat(OcsfMapper.complianceStatusId(FindingStatus.PASS)).isEqualTo(1);
    assertThat(OcsfMapper.complianceStatusId(FindingStatus.ERROR)).isEqualTo(2);
    assertThat(OcsfMapper.complianceStatusId(FindingStatus.FAIL)).isEqualTo(3);
    assertThat(OcsfMapper.complianceStatusId(null)).isZero();
    FindingDelta resolved = Deltas.of(ChangeKind.RESOLVED, FindingStatus.FAIL, FindingStatus.PASS);
    FindingDelta govCloud = FindingDelta.newBuilder(resolved).setResourceArn(null).setRegion("us-gov-west-1").build();
    assertThat(OcsfMapper.partition(govCloud)).isEqualTo("aws-us-gov");
    assertThat(mapper.map(govCloud).get("resources").get(0).get("uid").asText()).isEqualTo(Samples.BUCKET_KEY);
  }

  @Test
  void shouldSetFirstSeenOnlyOnNew() {
    JsonNode e = mapper.map(Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL));

    assertThat(e.at("/finding_info/first_seen_time").asLong()).isEqualTo(Samples.T0.toEpochMilli());
    assertThat(e.at("/finding_info/created_time").asLong()).isEqualTo(Samples.T0.toEpochMilli());
    assertThat(e.get("activity_name").asText()).isEqualTo("Create");
  }
}
