package io.compliancestreams.streams.practices.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.PracticeParameters;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRecorderEnabledTest {

  private final ConfigRecorderEnabled practice = new ConfigRecorderEnabled();

  private static Evaluation only(List<Evaluation> evaluations, String region) {
    assertThat(evaluations).hasSize(1);
    Evaluation e = evaluations.get(0);
    assertThat(e.practice()).isEqualTo(15);
    assertThat(e.resource()).isEqualTo(ResourceRef.accountRegion("111122223333", region));
    return e;
  }

  private Evaluation only(String fixture, String region) {
    return only(PracticeFixtures.evaluate(practice, fixture), region);
  }

  private Evaluation with(Map<String, String> parameters, String fixture, String region) {
    var loaded = PracticeFixtures.load(15, fixture);
    var engine = new PracticeEngine(List.of(practice), Map.of(15, PracticeParameters.of(parameters)));
    return only(engine.evaluate(loaded.items(), loaded.at()), region);
  }

  @Test
  void shouldPassWhenTheRecorderRecordsAllSupportedTypes() {
    Evaluation e = only("pass-recording-all-supported.json", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("recorder default is recording in us-east-1");
  }

  @Test
  void shouldPassWhenOnlyUnneededTypesAreExcluded() {
    Evaluation e = only("pass-exclusion-of-unneeded-types.json", "eu-west-1");

    assertThat(e.status()).isEqualTo(Status.PASS);
  }

  @Test
  void shouldFailWhenTheRegionHasNoRecorder() {
    Evaluation e = only("fail-no-recorder.json", "ap-south-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).isEqualTo("No AWS Config configuration recorder exists in ap-south-1");
  }

  @Test
  void shouldFailWhenTheRecorderIsStopped() {
    Evaluation e = only("fail-recorder-stopped.json", "eu-west-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("recorder default is not recording");
  }

  @Test
  void shouldFailWhenTheLastRecordingAttemptFailed() {
    Evaluation e = only("fail-last-status-failure.json", "eu-west-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("last recording attempt failed (InsufficientDeliveryPolicyException)");
  }

  @Test
  void shouldFailWhenTheRecorderUsesACustomRole() {
    Evaluation e = only("fail-custom-role.json", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("uses role arn:aws:iam::111122223333:role/config-recorder-role");
  }

  @Test
  void shouldPassACustomRoleWhenTheRoleCheckIsOff() {
    Evaluation e =
        with(Map.of("includeConfigServiceLinkedRoleCheck", "false"), "fail-custom-role.json", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.PASS);
  }

  @Test
  void shouldFailNamingTheRequiredTypesAnInclusionListMisses() {
    Evaluation e = only("fail-inclusion-list-misses-types.json", "eu-central-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason())
        .contains("does not record AWS::CloudTrail::Trail, AWS::EC2::Volume")
        .doesNotContain("AWS::S3::Bucket,")
        .doesNotContain("AWS::EC2::SecurityGroup");
  }

  @Test
  void shouldSkipCoverageWhenNoTypesAreRequired() {
    Evaluation e =
        with(Map.of("requiredResourceTypes", ""), "fail-inclusion-list-misses-types.json", "eu-central-1");

    assertThat(e.status()).isEqualTo(Status.PASS);
  }

  @Test
  void shouldReportErrorWhenRecordingIsNotBoolean() {
    Evaluation e = only("error-recording-not-boolean.json", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason())
        .contains("configuration.ConfigurationRecordersStatus[0].recording: expected a boolean, got \"true\"");
  }
}
