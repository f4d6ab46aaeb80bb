package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluate;
import static io.compliancestreams.streams.practices.PracticeFixtures.evaluateOne;
import static io.compliancestreams.streams.practices.iam.IamRefs.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixtures are evaluated at 2026-06-01T00:00:00Z; 90 days earlier is 2026-03-03T00:00:00Z. */
class AccessKeysRotatedTest {

  private final AccessKeysRotated practice = new AccessKeysRotated();



  @Test
  void shouldPassWithARecentActiveKeyAndIgnoreAnOldInactiveOne() {
    Evaluation e = evaluateOne(practice, "pass-recent-key.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLECIRUNR1", "ci-runner"));
    assertThat(e.reason()).contains("AKIAZ6EXAMPLECIRUN1 is 41 days + 12:00:00 old");
    assertThat(e.recheckAt()).isEqualTo(Instant.parse("2026-07-19T12:00:00.001Z"));
  }

  @Test
  void shouldPassWhenTheUserHasNoActiveKey() {
    Evaluation e = evaluateOne(practice, "pass-no-active-key.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEALICE01", "alice"));
    assertThat(e.reason()).contains("user 'alice' has no active access key");
    assertThat(e.recheckAt()).isNull();
  }

  @Test
  void shouldFailNamingOnlyTheActiveKeyOlderThan90Days() {
    Evaluation e = evaluateOne(practice, "fail-old-active-key.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLELEGETL1", "legacy-etl"));
    assertThat(e.reason())
        .contains("AKIAZ6EXAMPLELEGETL1 is 151 days old (created 2026-01-01T00:00:00Z)")
        .doesNotContain("AKIAZ6EXAMPLELEGETL2");
    assertThat(e.recheckAt()).isNull();
  }

  @Test
  void shouldPassAt89Days23Hours() {
    Evaluation e = evaluateOne(practice, "pass-boundary-89-days-23-hours.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("89 days + 23:00:00 old");
  }

  @Test
  void shouldPassAtExactly90DaysAndRecheckOneMillisecondLater() {
    Evaluation e = evaluateOne(practice, "pass-boundary-90-days-exactly.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("AKIAZ6EXAMPLEEDGEUS1 is 90 days old");
    assertThat(e.recheckAt()).isEqualTo(Instant.parse("2026-06-01T00:00:00.001Z"));
  }

  @Test
  void shouldFailAt90DaysAndOneSecond() {
    Evaluation e = evaluateOne(practice, "fail-boundary-90-days-plus-one-second.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("AKIAZ6EXAMPLEEDGEUS1 is 90 days + 00:00:01 old");
  }

  @Test
  void shouldFailWhenTheRecheckInstantIsReached() {
    Evaluation passing = evaluateOne(practice, "pass-boundary-90-days-exactly.json");

    List<Evaluation> later =
        evaluate(practice, "pass-boundary-90-days-exactly.json", passing.recheckAt());

    assertThat(later).singleElement().extracting(Evaluation::status).isEqualTo(Status.FAIL);
  }

  @Test
  void shouldErrorOnTheUserNamingAMalformedCreateDate() {
    Evaluation e = evaluateOne(practice, "error-bad-create-date.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEBROKEN2", "broken-user"));
    assertThat(e.reason())
        .contains("configuration.AccessKeyMetadata[0].CreateDate")
        .contains("'last tuesday'");
  }
}
