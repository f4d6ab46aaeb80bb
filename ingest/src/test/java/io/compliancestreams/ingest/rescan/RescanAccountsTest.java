package io.compliancestreams.ingest.rescan;

import static io.compliancestreams.ingest.testing.TestAws.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.testing.TestAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which credentials a rescan uses, against moto: its STS reports the caller's account for the base
 * credentials and the role's account for assumed-role credentials, so the account each client
 * really reaches is checked, not assumed.
 */
class RescanAccountsTest {

  private static final String MEMBER = "222233334444";
  private static final String OTHER = "555566667777";
  private static final String MEMBER_ROLE = "arn:aws:iam::" + MEMBER + ":role/ComplianceStreamsReadOnly";

  private static AwsEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = AwsEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void shouldReachTheBaseAccountWithTheBaseCredentialsAndAMemberThroughItsRole() {
    try (RescanAccounts accounts = new RescanAccounts(TestAws.settings(emulator.endpoint()), "us-east-1",
        () -> List.of(MEMBER_ROLE), null, new CallCounter())) {
      assertThat(accounts.clients(ACCOUNT, "eu-west-1").sts().getCallerIdentity().account()).isEqualTo(ACCOUNT);
      assertThat(accounts.clients(MEMBER, "eu-west-1").sts().getCallerIdentity().account()).isEqualTo(MEMBER);
      assertThat(accounts.clients(MEMBER, "eu-west-1").region()).isEqualTo("eu-west-1");
    }
  }

  @Test
  void shouldRefuseAnAccountItCannotReachInsteadOfUsingTheWrongCredentials() {
    try (RescanAccounts accounts = new RescanAccounts(TestAws.settings(emulator.endpoint()), "us-east-1",
        () -> List.of(MEMBER_ROLE), null, new CallCounter())) {
      assertThatThrownBy(() -> accounts.clients(OTHER, "us-east-1"))
          .isInstanceOf(RescanAccounts.UnreachableAccountException.class)
          .hasMessageContaining("account " + OTHER)
          .hasMessageContaining("ingest.organization.role.name");
    }
  }

  @Test
  void shouldLookTheRolesUpAgainOnlyWhenTheListMayBeStale() {
    AtomicInteger lookups = new AtomicInteger();
    AtomicReference<List<String>> roles = new AtomicReference<>(List.of());
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    try (RescanAccounts accounts = new RescanAccounts(TestAws.settings(emulator.endpoint()), "us-east-1",
        () -> {
          lookups.incrementAndGet();
          return roles.get();
        }, null, new CallCounter(), clock)) {
      assertThatThrownBy(() -> accounts.clients(MEMBER, "us-east-1"))
          .isInstanceOf(RescanAccounts.UnreachableAccountException.class);
      // The account joins the organization; within the refresh interval the list is not re-read.
      roles.set(List.of(MEMBER_ROLE));
      clock.advance(Duration.ofMinutes(1));
      assertThatThrownBy(() -> accounts.clients(MEMBER, "us-east-1"))
          .isInstanceOf(RescanAccounts.UnreachableAccountException.class);
      assertThat(lookups).hasValue(1);

      clock.advance(RescanAccounts.ROLES_REFRESH);
      assertThat(accounts.clients(MEMBER, "us-east-1").sts().getCallerIdentity().account()).isEqualTo(MEMBER);
      assertThat(lookups).hasValue(2);
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
