package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluate;
import static io.compliancestreams.streams.practices.PracticeFixtures.evaluateOne;
import static io.compliancestreams.streams.practices.iam.IamRefs.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Fixtures are evaluated at 2026-06-01T00:00:00Z; 90 days earlier is 2026-03-03T00:00:00Z. */
class UnusedCredentialsRemovedTest {

  private final UnusedCredentialsRemoved practice = new UnusedCredentialsRemoved();



  @Test
  void shouldPassWhenPasswordAndActiveKeyWereUsedRecentlyAndRecheckWhenTheOldestTurnsStale() {
    Evaluation e = evaluateOne(practice, "pass-recently-used.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEALICE01", "alice"));
    // The key (last used 2026-04-15T16:20Z) goes stale before the password (2026-05-29).
    assertThat(e.reason()).contains("access key AKIAZ6EXAMPLEALICE1 last used 2026-04-15T16:20:00Z");
    assertThat(e.recheckAt()).isEqualTo(Instant.parse("2026-07-14T16:20:00.001Z"));
  }

  @Test
  void shouldPassWhenTheUserHasNoCredentials() {
    Evaluation e = evaluateOne(practice, "pass-no-credentials.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("no console password and no active access key");
    assertThat(e.recheckAt()).isNull();
  }

  @Test
  void shouldFailWhenThePasswordWasLastUsedMoreThan90DaysAgo() {
    Evaluation e = evaluateOne(practice, "fail-password-unused.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEDAVE001", "dave"));
    assertThat(e.reason()).contains("console password last used 2026-01-20T18:45:00Z");
  }

  @Test
  void shouldFailWhenANeverUsedKeyIsOlderThan90Days() {
    Evaluation e = evaluateOne(practice, "fail-key-never-used.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEREPORT1", "reporting-svc"));
    assertThat(e.reason())
        .contains("access key AKIAZ6EXAMPLEREPORT1 never used since its creation 2026-02-01T00:00:00Z")
        .contains("120 days ago");
  }

  @Test
  void shouldFailWhenANeverUsedPasswordIsOlderThan90Days() {
    Evaluation e = evaluateOne(practice, "fail-password-never-used.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("console password never used since its creation 2025-12-01T00:00:00Z");
  }

  @Test
  void shouldPassANeverUsedKeyYoungerThan90DaysAndRecheckWhenItTurns90() {
    Evaluation e = evaluateOne(practice, "pass-key-never-used-but-new.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.recheckAt()).isEqualTo(Instant.parse("2026-08-18T00:00:00.001Z"));
    assertThat(evaluate(practice, "pass-key-never-used-but-new.json", e.recheckAt()))
        .singleElement()
        .extracting(Evaluation::status)
        .isEqualTo(Status.FAIL);
  }

  @Test
  void shouldErrorOnTheUserNamingAKeyStatusThatIsNotAString() {
    Evaluation e = evaluateOne(practice, "error-status-not-a-string.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEFRANK01", "frank"));
    assertThat(e.reason()).contains("configuration.AccessKeyMetadata[0].Status");
  }
}
