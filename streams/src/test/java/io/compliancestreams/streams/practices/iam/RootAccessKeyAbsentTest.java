package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluateOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class RootAccessKeyAbsentTest {

  private static final ResourceRef ACCOUNT = ResourceRef.account("111122223333");

  private final RootAccessKeyAbsent practice = new RootAccessKeyAbsent();


  @Test
  void shouldPassOnTheAccountWhenRootHasNoAccessKey() {
    Evaluation e = evaluateOne(practice, "pass-no-root-key.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.resource().resourceType()).isEqualTo("AWS::::Account");
    assertThat(e.resource().region()).isEqualTo("global");
    assertThat(e.reason()).contains("AccountAccessKeysPresent=0");
  }

  @Test
  void shouldFailWhenRootHasAnAccessKeyActiveOrNot() {
    Evaluation e = evaluateOne(practice, "fail-root-key-present.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason())
        .contains("root user of account 111122223333 has an access key")
        .contains("AccountAccessKeysPresent=1");
  }

  @Test
  void shouldErrorWhenTheSummaryLacksTheAccessKeyFlag() {
    Evaluation e = evaluateOne(practice, "error-summary-without-access-key-flag.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason()).contains("configuration.SummaryMap.AccountAccessKeysPresent: is missing");
  }
}
