package io.compliancestreams.sinks.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Trigger;
import io.compliancestreams.schemas.avro.TriggerKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The official OCSF JSON Schemas (see src/test/resources/ocsf/README.md) and every kind of delta. */
final class OcsfFixtures {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Every newStatus and previousStatus a delta can carry, null (none / closed) included. */
  static final List<FindingStatus> STATUSES =
      Stream.concat(Arrays.stream(FindingStatus.values()), Stream.of((FindingStatus) null)).toList();
  static final List<Trigger> TRIGGERS = List.of(
      Trigger.newBuilder().setKind(TriggerKind.EVENT).setEventId("6f1c8f0e-1b7a-4a8e-9a8c-1c2d3e4f5a6b").build(),
      Trigger.newBuilder().setKind(TriggerKind.SNAPSHOT).setSnapshotStateId("1740824130123").build(),
      Trigger.newBuilder().setKind(TriggerKind.TIMER).build(),
      Trigger.newBuilder().setKind(TriggerKind.SUPPRESSION).build());

  private OcsfFixtures() {}

  /**
   * The -profile-cloud schema of this version. Each file gets its own registry: both carry the
   * same $id, and a registry caches schemas by it.
   */
  static Schema schema(OcsfVersion version) {
    String file = "ocsf/compliance_finding-" + version.label() + "-profile-cloud.schema.json";
    try (InputStream in = OcsfFixtures.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + file);
      }
      JsonNode node = JSON.readTree(in);
      // The files declare draft-07 but keep their objects under $defs, as ocsf-server exports them
      // ($ref "#/$defs/..." is a plain JSON pointer); $defs is declared so the library knows it.
      Dialect draft7 = Dialect.builder(Dialects.getDraft7()).keyword(new NonValidationKeyword("$defs")).build();
      return SchemaRegistry.withDefaultDialect(draft7).getSchema(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final List<io.compliancestreams.schemas.avro.Attribution> ATTRIBUTIONS =
      java.util.Arrays.asList(null,
          io.compliancestreams.sinks.testkit.CloudTrailActors.of(
              io.compliancestreams.sinks.testkit.CloudTrailActors.DELETE_PUBLIC_ACCESS_BLOCK,
              io.compliancestreams.schemas.avro.AttributionCertainty.CERTAIN),
          io.compliancestreams.sinks.testkit.CloudTrailActors.of(
              io.compliancestreams.sinks.testkit.CloudTrailActors.CREATE_BUCKET_AS_ROOT,
              io.compliancestreams.schemas.avro.AttributionCertainty.PROBABLE));

  /** One delta per practice resource in finding-resources.json, built on the sample delta. */
  static List<FindingDelta> perResource() {
    try (InputStream in = OcsfFixtures.class.getClassLoader().getResourceAsStream("ocsf/finding-resources.json")) {
      List<FindingDelta> out = new ArrayList<>();
      for (JsonNode r : JSON.readTree(in).get("resources")) {
        String region = r.get("region").asText();
        String account = "123456789012";
        out.add(FindingDelta.newBuilder(Samples.findingDelta())
            .setPractice(r.get("practice").asInt())
            .setControlId(r.get("controlId").asText())
            .setResourceType(r.get("type").asText())
            .setResourceId(r.get("id").asText())
            .setResourceArn(r.get("arn").isNull() ? null : r.get("arn").asText())
            .setRegion(region)
            .setAccountId(account)
            .setResourceKey(account + "/" + region + "/" + r.get("type").asText() + "/" + r.get("id").asText())
            .build());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every delta the mapper can be given: each practice resource × change kind × previous status ×
   * new status × suppressed or not; triggers and remediation (present or null) rotate through them.
   */
  static List<FindingDelta> everyDelta() {
    List<FindingDelta> out = new ArrayList<>();
    int i = 0;
    for (FindingDelta base : perResource()) {
      for (ChangeKind kind : ChangeKind.values()) {
        for (FindingStatus previous : STATUSES) {
          for (FindingStatus next : STATUSES) {
            for (boolean suppressed : List.of(false, true)) {
              out.add(FindingDelta.newBuilder(base)
                  .setChangeKind(kind)
                  .setPreviousStatus(previous)
                  .setNewStatus(next)
                  .setSuppressed(suppressed)
                  .setTrigger(TRIGGERS.get((i / 2) % TRIGGERS.size()))
                  .setRemediation((i / 2) % 3 == 0 ? null : base.getRemediation())
                  // Attribution from real CloudTrail records: none, certain (an assumed role,
                  // a session issuer, an IP) or probable (the root user); names present or not.
                  .setAttribution(ATTRIBUTIONS.get((i / 2) % ATTRIBUTIONS.size()))
                  .setResourceName((i / 4) % 2 == 0 ? null : "name of " + base.getResourceId())
                  .setDeltaId(base.getFindingId() + ":" + (i + 1))
                  .setSequence(i + 1L)
                  .build());
              i++;
            }
          }
        }
      }
    }
    return out;
  }
}
