package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluate;
import static io.compliancestreams.streams.practices.PracticeFixtures.evaluateOne;
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

class StrongPasswordPolicyTest {

  private static final ResourceRef ACCOUNT = ResourceRef.account("111122223333");

  private final StrongPasswordPolicy practice = new StrongPasswordPolicy();


  private Evaluation withParameters(String fixture, Map<String, String> values) {
    List<Evaluation> evaluations =
        new PracticeEngine(List.of(practice), Map.of(7, PracticeParameters.of(values)))
            .evaluate(PracticeFixtures.load(7, fixture).items(), PracticeFixtures.DEFAULT_INSTANT);
    assertThat(evaluations).hasSize(1);
    return evaluations.get(0);
  }

  @Test
  void shouldPassAStrongPolicyWithDefaultParameters() {
    Evaluation e = evaluateOne(practice, "pass-strong-policy.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason()).contains("length >= 8").doesNotContain("reuse");
  }

  @Test
  void shouldFailWhenTheAccountHasNoPasswordPolicy() {
    Evaluation e = evaluateOne(practice, "fail-no-policy.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason()).contains("account 111122223333 has no password policy");
  }

  @Test
  void shouldFailNamingEachWeakSetting() {
    Evaluation e = evaluateOne(practice, "fail-weak-policy.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason())
        .contains("RequireSymbols is not enabled")
        .contains("MinimumPasswordLength is 6, needs at least 8")
        .doesNotContain("RequireNumbers")
        .doesNotContain("MaxPasswordAge")
        .doesNotContain("PasswordReusePrevention");
  }

  @Test
  void shouldCheckReuseAndMaximumAgeOnlyWhenConfigured() {
    Evaluation e =
        withParameters(
            "fail-weak-policy.json",
            Map.of("PasswordReusePrevention", "24", "MaxPasswordAge", "90", "RequireSymbols", "false",
                "MinimumPasswordLength", "8"));

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason())
        .contains("PasswordReusePrevention is off, needs at least 24")
        .contains("MaxPasswordAge is unset (passwords never expire), needs 1 to 90 days")
        .doesNotContain("RequireSymbols");
  }

  @Test
  void shouldPassAStrongPolicyAgainstConfiguredReuseAndAge() {
    Evaluation e =
        withParameters(
            "pass-strong-policy.json",
            Map.of("PasswordReusePrevention", "24", "MaxPasswordAge", "90", "MinimumPasswordLength", "14"));

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("reuse prevention >= 24").contains("max age <= 90 days");
  }

  @Test
  void shouldErrorNamingAParameterOutsideItsRange() {
    Evaluation e = withParameters("pass-strong-policy.json", Map.of("PasswordReusePrevention", "5"));

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("PasswordReusePrevention must be between 12 and 24, got 5");
  }

  @Test
  void shouldErrorNamingAFlagThatIsNotABoolean() {
    Evaluation e = evaluateOne(practice, "error-flag-not-boolean.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason()).contains("configuration.PasswordPolicy.RequireSymbols");
  }
}
