package io.compliancestreams.streams.practices.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRegionTrailEnabledTest {

  private static final String ARN = "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events";

  private final MultiRegionTrailEnabled practice = new MultiRegionTrailEnabled();

  private Evaluation only(String fixture, String account) {
    List<Evaluation> evaluations = PracticeFixtures.evaluate(practice, fixture);
    assertThat(evaluations).hasSize(1);
    Evaluation e = evaluations.get(0);
    assertThat(e.practice()).isEqualTo(12);
    assertThat(e.resource()).isEqualTo(ResourceRef.account(account));
    return e;
  }

  private Evaluation only(String fixture) {
    return only(fixture, "111122223333");
  }

  @Test
  void shouldPassOnceForAMultiRegionTrailSeenFromThreeRegions() {
    Evaluation e = only("pass-multi-region-trail-logging.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains(ARN).contains("is logging");
  }

  @Test
  void shouldPassWithAnAdvancedManagementSelector() {
    Evaluation e = only("pass-advanced-management-selector.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
  }

  @Test
  void shouldPassAMemberAccountCoveredByAnOrganizationTrail() {
    Evaluation e = only("pass-organization-trail-seen-from-member.json", "444455556666");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("organization trail o-a1b2c3d4e5-org-trail");
  }

  @Test
  void shouldFailWhenNoRegionHasATrail() {
    Evaluation e = only("fail-no-trail.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).isEqualTo("No CloudTrail trail exists in the 2 region(s) scanned");
  }

  @Test
  void shouldFailWhenTheHomeCopyIsStoppedEvenIfAStaleShadowSaysLogging() {
    Evaluation e = only("fail-multi-region-trail-stopped.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason())
        .contains("trail management-events (" + ARN + ", home us-east-1) is not logging")
        .contains("eu-app-trail")
        .contains("is single-Region");
  }

  @Test
  void shouldFailWhenOnlyWriteManagementEventsAreRecorded() {
    Evaluation e = only("fail-write-only-management-events.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("records only WriteOnly management events");
  }

  @Test
  void shouldFailWhenKmsEventsAreExcluded() {
    Evaluation e = only("fail-kms-events-excluded.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("excludes management events from kms.amazonaws.com");
  }

  @Test
  void shouldFailWhenAnAdvancedSelectorKeepsOnlyWrites() {
    Evaluation e = only("fail-advanced-selector-writes-only.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("'Write management events'").contains("readOnly");
  }

  @Test
  void shouldFailWhenTheTrailRecordsOnlyDataEvents() {
    Evaluation e = only("fail-data-events-only.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("s3-data-events").contains("records no management events");
  }

  @Test
  void shouldReportErrorWhenTheLoggingStatusIsUnknown() {
    Evaluation e = only("error-no-trail-status.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains(ARN).contains("has no GetTrailStatus result");
  }

  @Test
  void shouldReportErrorNamingAMalformedIsLogging() {
    Evaluation e = only("error-is-logging-not-boolean.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("trailList[0].Status.IsLogging").contains("expected a boolean");
  }

  @Test
  void shouldTreatStopStartAndDeleteAsDecisive() {
    assertThat(practice.metadata().events())
        .filteredOn(EventTrigger::decisive)
        .extracting(EventTrigger::eventName)
        .containsExactlyInAnyOrder("StopLogging", "StartLogging", "DeleteTrail");
  }
}
