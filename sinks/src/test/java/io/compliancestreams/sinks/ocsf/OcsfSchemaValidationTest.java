package io.compliancestreams.sinks.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.sinks.testkit.Deltas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event the mapper can produce, validated against the official OCSF schema of the version it
 * declares (JSON Schema draft-07 exported from ocsf-schema, networknt json-schema-validator), plus
 * what a JSON Schema cannot say. Unknown attributes fail: the schemas forbid additional
 * properties everywhere but OCSF's open {@code object} type, as the negative tests prove.
 */
class OcsfSchemaValidationTest {

  private static final Map<OcsfVersion, Schema> SCHEMAS = new EnumMap<>(OcsfVersion.class);
  /** A real AWS region name, e.g. eu-west-1, us-gov-west-1, cn-north-1; never "global". */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-\\d");

  static {
    for (OcsfVersion v : OcsfVersion.values()) {
      SCHEMAS.put(v, OcsfFixtures.schema(v));
    }
  }

  @ParameterizedTest
  @EnumSource(OcsfVersion.class)
  void shouldValidateEveryEventTheMapperCanProduce(OcsfVersion version) {
    OcsfMapper mapper = new OcsfMapper("Example Corp", ProductVersion.current(), version);
    List<FindingDelta> deltas = OcsfFixtures.everyDelta();
    List<String> offenders = new ArrayList<>();

    for (FindingDelta d : deltas) {
      ObjectNode event = mapper.map(d);
      List<String> problems = new ArrayList<>(messages(SCHEMAS.get(version).validate(event)));
      problems.addAll(beyondTheSchema(event, version));
      if (!problems.isEmpty() && offenders.size() < 20) {
        offenders.add(describe(d) + ": " + problems);
      }
    }

    // 31 resources x 5 change kinds x 5 previous x 5 new statuses x suppressed or not
    assertThat(deltas).hasSize(31 * 5 * 5 * 5 * 2);
    assertThat(deltas).as("with and without attribution, certain and probable")
        .extracting(d -> d.getAttribution() == null ? "NONE" : d.getAttribution().getCertainty().name())
        .contains("NONE", "CERTAIN", "PROBABLE");
    assertThat(offenders).as("events that fail OCSF " + version.label()).isEmpty();
  }

  @Test
  void shouldValidateATriggerEvidenceWithActorApiAndSourceEndpoint() {
    ObjectNode event = new OcsfMapper("Example Corp", "1.0.0", OcsfVersion.V1_6_0)
        .map(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL));
    CloudTrailEvidence byAlice = new CloudTrailEvidence("6f1c8f0e-1b7a-4a8e-9a8c-1c2d3e4f5a6b",
        "DeleteBucketEncryption", "s3.amazonaws.com", Instant.parse("2025-03-01T10:15:29Z"),
        "arn:aws:sts::123456789012:assumed-role/Admin/alice", "AssumedRole", "123456789012",
        "arn:aws:iam::123456789012:role/Admin", "203.0.113.7", "aws-cli/2.15.0", false);
    CloudTrailEvidence probable = new CloudTrailEvidence("0a1b2c3d-0000-4000-8000-000000000001",
        "PutBucketPolicy", "s3.amazonaws.com", null, "arn:aws:iam::123456789012:user/bob", "IAMUser",
        "123456789012", null, "2001:db8::7", null, true);
    event.set("evidences", OcsfFixtures.JSON.createArrayNode().add(byAlice.toOcsf()).add(probable.toOcsf()));

    assertThat(messages(SCHEMAS.get(OcsfVersion.V1_6_0).validate(event))).isEmpty();
    JsonNode first = event.get("evidences").get(0);
    assertThat(first.at("/actor/user/uid").asText()).isEqualTo("arn:aws:sts::123456789012:assumed-role/Admin/alice");
    assertThat(first.at("/actor/session/issuer").asText()).isEqualTo("arn:aws:iam::123456789012:role/Admin");
    assertThat(first.at("/api/operation").asText()).isEqualTo("DeleteBucketEncryption");
    assertThat(first.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
    assertThat(event.get("evidences").get(1).at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::7");
    assertThat(event.get("evidences").get(1).at("/data/relation").asText()).isEqualTo("probable");
  }

  @Test
  void shouldCarryTheDeltasAttributionAsItsEvidence() throws Exception {
    FindingDelta d = FindingDelta.newBuilder(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL))
        .setAttribution(io.compliancestreams.sinks.testkit.CloudTrailActors.of(
            io.compliancestreams.sinks.testkit.CloudTrailActors.DELETE_PUBLIC_ACCESS_BLOCK,
            io.compliancestreams.schemas.avro.AttributionCertainty.CERTAIN))
        .build();
    ObjectNode event = new OcsfMapper("Example Corp", ProductVersion.current(), OcsfVersion.V1_6_0).map(d);

    assertThat(messages(SCHEMAS.get(OcsfVersion.V1_6_0).validate(event))).isEmpty();
    JsonNode evidence = event.get("evidences").get(0);
    assertThat(evidence.at("/uid").asText()).isEqualTo(d.getAttribution().getEventId());
    assertThat(evidence.at("/actor/user/uid").asText()).isEqualTo(d.getAttribution().getPrincipalArn());
    assertThat(evidence.at("/src_endpoint/ip").asText()).isEqualTo(d.getAttribution().getSourceIpAddress());
    assertThat(evidence.at("/http_request/user_agent").asText()).isEqualTo(d.getAttribution().getUserAgent());
    assertThat(evidence.at("/data/relation").asText()).isEqualTo("trigger");
    // The issue note shows this event.
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "ocsf-event-with-attribution.json"),
        OcsfFixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event));
  }

  @Test
  void shouldRefuseAnEvidenceThatNamesNoArtefact() {
    ObjectNode event = new OcsfMapper("Example Corp", "1.0.0", OcsfVersion.V1_6_0)
        .map(Deltas.of(ChangeKind.REGRESSED, FindingStatus.PASS, FindingStatus.FAIL));
    event.set("evidences", OcsfFixtures.JSON.createArrayNode().add(OcsfFixtures.JSON.createObjectNode().put("uid", "e-1")));

    assertThat(SCHEMAS.get(OcsfVersion.V1_6_0).validate(event)).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(OcsfVersion.class)
  void shouldRefuseAnUnknownAttributeAtTheTopAndInsideObjects(OcsfVersion version) {
    OcsfMapper mapper = new OcsfMapper("Example Corp", "1.0.0", version);
    String resource = version == OcsfVersion.V1_1_0 ? "/resource" : "/resources/0";
    for (String where : List.of("", "/metadata", "/metadata/product", "/compliance", "/finding_info",
        "/cloud", "/cloud/account", resource, resource + "/owner")) {
      ObjectNode event = mapper.map(Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL));
      ((ObjectNode) event.at(where)).put("bogus", 1);

      assertThat(messages(SCHEMAS.get(version).validate(event)))
          .as("bogus attribute at '%s' of an OCSF %s event", where, version.label())
          .anySatisfy(m -> assertThat(m).contains("bogus"));
    }
  }

  @Test
  void shouldRefuseA16EventAs110AndA110EventAs16() {
    FindingDelta d = Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL);
    ObjectNode v16 = new OcsfMapper("Example Corp", "1.0.0", OcsfVersion.V1_6_0).map(d);
    ObjectNode v11 = new OcsfMapper("Example Corp", "1.0.0", OcsfVersion.V1_1_0).map(d);

    // 1.1.0 has no resources (only resource), no evidences, no cloud.cloud_partition.
    assertThat(messages(SCHEMAS.get(OcsfVersion.V1_1_0).validate(v16)))
        .anySatisfy(m -> assertThat(m).contains("resources"));
    v11.put("status_id", 5); // Archived exists only from 1.2 on
    assertThat(SCHEMAS.get(OcsfVersion.V1_1_0).validate(v11)).isNotEmpty();
  }

  @Test
  void shouldRefuseEventsMissingARequiredAttributeOrWithAWrongType() {
    OcsfMapper mapper = new OcsfMapper("Example Corp", "1.0.0", OcsfVersion.V1_6_0);
    ObjectNode noClass = mapper.map(Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL));
    noClass.remove("class_uid");
    ObjectNode badSeverity = mapper.map(Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL));
    badSeverity.put("severity_id", 7);
    ObjectNode textTime = mapper.map(Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL));
    textTime.put("time", "2025-03-01T10:15:30Z");

    for (ObjectNode broken : List.of(noClass, badSeverity, textTime)) {
      assertThat(SCHEMAS.get(OcsfVersion.V1_6_0).validate(broken)).isNotEmpty();
    }
  }

  /** What the exported schema cannot express (see src/test/resources/ocsf/README.md). */
  static List<String> beyondTheSchema(JsonNode e, OcsfVersion version) {
    List<String> out = new ArrayList<>();
    long typeUid = e.path("class_uid").asLong() * 100 + e.path("activity_id").asLong();
    if (e.path("type_uid").asLong() != typeUid) {
      out.add("type_uid " + e.path("type_uid") + " is not class_uid*100+activity_id = " + typeUid);
    }
    if (!e.at("/metadata/version").asText().equals(version.label())) {
      out.add("metadata.version " + e.at("/metadata/version"));
    }
    JsonNode profiles = e.at("/metadata/profiles");
    if (profiles.size() != 1 || !profiles.get(0).asText().equals("cloud")) {
      out.add("metadata.profiles " + profiles + " is not exactly [cloud], the profile the schema is for");
    }
    List<JsonNode> regions = new ArrayList<>(List.of(e.at("/cloud/region")));
    e.path("resources").forEach(r -> regions.add(r.path("region")));
    if (e.has("resource")) {
      regions.add(e.at("/resource/region"));
    }
    for (JsonNode region : regions) {
      if (!REGION.matcher(region.asText()).matches()) {
        out.add("not a real region: " + region);
      }
    }
    return out;
  }

  static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }

  private static String describe(FindingDelta d) {
    return d.getControlId() + " " + d.getResourceType() + " " + d.getChangeKind() + " " + d.getPreviousStatus()
        + "->" + d.getNewStatus() + (d.getSuppressed() ? " suppressed" : "") + " " + d.getTrigger().getKind();
  }
}
