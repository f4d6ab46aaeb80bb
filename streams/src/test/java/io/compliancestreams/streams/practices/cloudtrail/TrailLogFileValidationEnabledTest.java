package io.compliancestreams.streams.practices.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailLogFileValidationEnabledTest {

  private final TrailLogFileValidationEnabled practice = new TrailLogFileValidationEnabled();

  private Evaluation only(String fixture, String region, String trail) {
    List<Evaluation> evaluations = PracticeFixtures.evaluate(practice, fixture);
    assertThat(evaluations).hasSize(1);
    Evaluation e = evaluations.get(0);
    assertThat(e.practice()).isEqualTo(14);
    assertThat(e.resource().resourceType()).isEqualTo("AWS::CloudTrail::Trail");
    assertThat(e.resource().resourceId()).isEqualTo(trail);
    assertThat(e.resource().accountId()).isEqualTo("111122223333");
    assertThat(e.resource().region()).isEqualTo(region);
    return e;
  }

  @Test
  void shouldPassWhenValidationIsEnabled() {
    Evaluation e = only("pass-validation-enabled.json", "us-east-1", "management-events");

    assertThat(e.status()).isEqualTo(Status.PASS);
  }

  @Test
  void shouldFailWhenValidationIsDisabled() {
    Evaluation e = only("fail-validation-disabled.json", "eu-west-1", "eu-app-trail");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("Trail eu-app-trail has log file validation disabled");
  }

  @Test
  void shouldNotDuplicateTheFindingForAShadowCopy() {
    Evaluation e = only("na-shadow-copy.json", "ap-southeast-2", "management-events");

    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.reason()).contains("home Region is us-east-1");
  }

  @Test
  void shouldReportErrorWhenTheFlagIsNotBoolean() {
    Evaluation e = only("error-validation-not-boolean.json", "us-east-1", "management-events");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("configuration.logFileValidationEnabled");
  }
}
