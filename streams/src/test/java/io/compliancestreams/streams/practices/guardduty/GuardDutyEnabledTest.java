package io.compliancestreams.streams.practices.guardduty;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class GuardDutyEnabledTest {

  private static final String DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";

  private final GuardDutyEnabled practice = new GuardDutyEnabled();


  @Test
  void shouldPassWhenTheRegionHasAnEnabledDetector() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-enabled-detector.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(ResourceRef.accountRegion("111122223333", "eu-west-1"));
    assertThat(e.reason())
        .isEqualTo(
            "GuardDuty detector "
                + DETECTOR
                + " is enabled in account 111122223333, Region eu-west-1");
  }

  @Test
  void shouldFailARegionWithNoDetector() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-no-detector-in-unused-region.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(ResourceRef.accountRegion("111122223333", "ap-northeast-3"));
    assertThat(e.reason())
        .isEqualTo("GuardDuty has no detector in account 111122223333, Region ap-northeast-3");
  }

  @Test
  void shouldFailASuspendedDetector() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-suspended-detector.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason())
        .isEqualTo(
            "GuardDuty detector "
                + DETECTOR
                + " (DISABLED) is suspended in account 111122223333,"
                + " Region eu-west-1");
  }

  @Test
  void shouldUseAwsConfigDetectorWhenOurSnapshotIsMissing() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-config-detector-only.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(ResourceRef.accountRegion("111122223333", "eu-west-1"));
  }

  @Test
  void shouldLetOurSnapshotDecideAbsenceOverAnAwsConfigDetector() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-snapshot-says-absent-despite-config-item.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).startsWith("GuardDuty has no detector");
  }

  @Test
  void shouldReportErrorWhenADetectorHasNoDetails() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-detector-details-missing.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(ResourceRef.accountRegion("111122223333", "eu-west-1"));
    assertThat(e.reason()).contains("configuration.Detectors", DETECTOR);
  }
}
