package io.compliancestreams.ingest.collect.services.guardduty;

import static io.compliancestreams.ingest.collect.services.CollectorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.services.CollectorHarness;
import io.compliancestreams.ingest.collect.services.MotoTestBase;
import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.guardduty.model.FindingPublishingFrequency;

/** The GuardDuty detectors collector against a real moto server. */
class GuardDutyCollectorsMotoTest extends MotoTestBase {

  @Test
  void shouldEmitTheRegionSnapshotWithNoDetector() {
    List<ResourceSnapshot> snapshots = harness.collect(new DetectorsCollector(50), "ap-northeast-3");

    assertThat(snapshots).hasSize(1);
    SnapshotAssert.envelope(snapshots.get(0), "ComplianceStreams::GuardDuty::Detectors", ACCOUNT, "ap-northeast-3",
        null, null);
    SnapshotAssert.configuration(snapshots.get(0), "{\"DetectorIds\": [], \"Detectors\": []}");
  }

  @Test
  void shouldCarryEachDetectorsGetDetectorResponseWithItsId() {
    var guardDuty = harness.clients().guardDuty();
    String id = guardDuty.createDetector(r -> r.enable(true)
        .findingPublishingFrequency(FindingPublishingFrequency.SIX_HOURS)).detectorId();
    var described = guardDuty.getDetector(r -> r.detectorId(id));

    List<ResourceSnapshot> snapshots = harness.collect(new DetectorsCollector(50));

    assertThat(snapshots).hasSize(1);
    ResourceSnapshot s = snapshots.get(0);
    SnapshotAssert.envelope(s, "ComplianceStreams::GuardDuty::Detectors", ACCOUNT, REGION, null, null);
    var config = CollectorHarness.json(s.getConfiguration());
    assertThat(config.get("DetectorIds")).containsExactly(CollectorHarness.json("\"" + id + "\""));
    var detector = config.get("Detectors").get(0);
    assertThat(detector.get("DetectorId").textValue()).isEqualTo(id);
    assertThat(detector.get("Status").textValue()).isEqualTo("ENABLED");
    assertThat(detector.get("FindingPublishingFrequency").textValue()).isEqualTo("SIX_HOURS");
    assertThat(detector.get("ServiceRole").textValue()).isEqualTo(described.serviceRole());
    assertThat(detector.get("CreatedAt").textValue()).isEqualTo(described.createdAt());
  }

  @Test
  void shouldReportASuspendedDetectorAsDisabled() {
    var guardDuty = harness.clients().guardDuty();
    String id = guardDuty.createDetector(r -> r.enable(true)).detectorId();
    guardDuty.updateDetector(r -> r.detectorId(id).enable(false));

    var config = CollectorHarness.json(harness.collect(new DetectorsCollector(50)).get(0).getConfiguration());

    assertThat(config.get("Detectors").get(0).get("Status").textValue()).isEqualTo("DISABLED");
  }
}
