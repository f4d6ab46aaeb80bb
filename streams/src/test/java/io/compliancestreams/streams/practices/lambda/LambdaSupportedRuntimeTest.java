package io.compliancestreams.streams.practices.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaSupportedRuntimeTest {

  private final LambdaSupportedRuntime practice = new LambdaSupportedRuntime();

  private Evaluation only(List<Evaluation> results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private Evaluation only(String fixture) {
    return only(PracticeFixtures.evaluate(practice, fixture));
  }

  private static ResourceRef function(String name) {
    return new ResourceRef(
        "111122223333",
        "eu-west-1",
        "AWS::Lambda::Function",
        name,
        "arn:aws:lambda:eu-west-1:111122223333:function:" + name);
  }

  @Test
  void shouldPassASupportedRuntimeAndRecheckAtItsDeprecationDay() {
    Evaluation e = only("pass-python312.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(function("orders-api"));
    assertThat(e.reason())
        .isEqualTo(
            "Function orders-api uses supported runtime python3.12 (deprecation on 2028-10-31)");
    assertThat(e.recheckAt()).isEqualTo(Instant.parse("2028-10-31T00:00:00Z"));
  }

  @Test
  void shouldPassWhenDeprecationIsTomorrow() {
    Evaluation e = only("pass-nodejs20-day-before-deprecation.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.recheckAt()).isEqualTo(Instant.parse("2026-04-30T00:00:00Z"));
  }

  @Test
  void shouldFailWhenDeprecationWasYesterday() {
    Evaluation e =
        only(
            PracticeFixtures.evaluate(
                practice,
                "pass-nodejs20-day-before-deprecation.json",
                Instant.parse("2026-05-01T09:00:00Z")));
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(function("checkout-webhook"));
    assertThat(e.reason())
        .isEqualTo(
            "Function checkout-webhook uses runtime nodejs20.x, deprecated since 2026-04-30");
    assertThat(e.recheckAt()).isNull();
  }

  @Test
  void shouldFailFromTheFirstInstantOfTheDeprecationDay() {
    Evaluation e =
        only(
            PracticeFixtures.evaluate(
                practice,
                "pass-nodejs20-day-before-deprecation.json",
                Instant.parse("2026-04-30T00:00:00Z")));
    assertThat(e.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void shouldFailALongDeprecatedRuntime() {
    Evaluation e = only("fail-deprecated-python38.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(function("legacy-report-export"));
    assertThat(e.reason()).contains("python3.8", "deprecated since 2024-10-14");
  }

  @Test
  void shouldFailARuntimeThatIsNotInTheList() {
    Evaluation e = only("fail-runtime-not-in-list.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason())
        .isEqualTo(
            "Function edge-experiment uses runtime nodejs26.x, which is not in the supported"
                + " runtime list (version 2026-08-16)");
  }

  @Test
  void shouldNotApplyToAContainerImageFunction() {
    Evaluation e = only("na-container-image.json");
    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.resource()).isEqualTo(function("ml-inference"));
    assertThat(e.reason()).contains("container image");
  }

  @Test
  void shouldReportErrorWhenAZipFunctionHasNoRuntime() {
    Evaluation e = only("error-runtime-missing.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("configuration.runtime", "is missing");
  }

  @Test
  void shouldJudgeAgainstAnInjectedRuntimeList() {
    LambdaRuntimes list =
        new LambdaRuntimes("test", Map.of("python3.8", LocalDate.parse("2030-01-01")));
    Evaluation e =
        only(
            PracticeFixtures.evaluate(
                new LambdaSupportedRuntime(list), "fail-deprecated-python38.json"));
    assertThat(e.status()).isEqualTo(Status.PASS);
  }

  @Test
  void shouldBundleTheRuntimesOfPracticesSectionFour() {
    LambdaRuntimes bundled = LambdaRuntimes.bundled();
    assertThat(bundled.deprecation("python3.14")).contains(LocalDate.parse("2029-06-30"));
    assertThat(bundled.deprecation("provided.al2")).contains(LocalDate.parse("2026-07-31"));
    assertThat(bundled.deprecation("nodejs")).contains(LocalDate.parse("2016-08-30"));
    assertThat(bundled.deprecation("dotnet9")).isEmpty();
  }

  @Test
  void shouldRejectAListWithAnInvalidDate() throws Exception {
    var json =
        new ObjectMapper()
            .readTree(
                "{\"version\":\"x\",\"runtimes\":[{\"runtime\":\"python3.12\",\"deprecation\":\"soon\"}]}");
    assertThatThrownBy(() -> LambdaRuntimes.parse(json))
        .hasMessageContaining("python3.12")
        .hasMessageContaining("'soon'");
  }
}
