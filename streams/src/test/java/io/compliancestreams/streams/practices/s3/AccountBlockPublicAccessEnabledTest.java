package io.compliancestreams.streams.practices.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountBlockPublicAccessEnabledTest {

  private final AccountBlockPublicAccessEnabled practice = new AccountBlockPublicAccessEnabled();

  private Evaluation only(String fixture) {
    List<Evaluation> evaluations = PracticeFixtures.evaluate(practice, fixture);
    assertThat(evaluations).hasSize(1);
    Evaluation e = evaluations.get(0);
    assertThat(e.practice()).isEqualTo(9);
    assertThat(e.resource()).isEqualTo(ResourceRef.account("111122223333"));
    assertThat(e.resource().region()).isEqualTo("global");
    return e;
  }

  @Test
  void shouldPassWhenAllFourFlagsAreOn() {
    Evaluation e = only("pass-all-four-enabled.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("All four account-level");
  }

  @Test
  void shouldFailWhenTheAccountHasNoSetting() {
    Evaluation e = only("fail-not-configured.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("no account-level S3 Block Public Access configuration");
  }

  @Test
  void shouldFailNamingEveryFlagThatIsOff() {
    Evaluation e = only("fail-acl-flags-off.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).endsWith("not enabled: blockPublicAcls, ignorePublicAcls");
  }

  @Test
  void shouldGiveOneResultPerAccountFromTheLatestCopyAcrossRegions() {
    Evaluation e = only("fail-latest-copy-turned-off.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).endsWith("not enabled: blockPublicPolicy, restrictPublicBuckets");
  }

  @Test
  void shouldReportErrorNamingAFlagThatIsNotBoolean() {
    Evaluation e = only("error-flag-not-boolean.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("blockPublicAcls").contains("expected a boolean");
  }

  @Test
  void shouldDeclareDecisiveAccountEvents() {
    assertThat(practice.metadata().events())
        .allSatisfy(t -> assertThat(t.decisive()).isTrue())
        .extracting(t -> t.eventName())
        .containsExactly("PutAccountPublicAccessBlock", "DeleteAccountPublicAccessBlock");
  }
}
