package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluateOne;
import static io.compliancestreams.streams.practices.iam.IamRefs.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class ConsoleUsersHaveMfaTest {

  private final ConsoleUsersHaveMfa practice = new ConsoleUsersHaveMfa();



  @Test
  void shouldPassWhenAConsoleUserHasAnMfaDevice() {
    Evaluation e = evaluateOne(practice, "pass-console-user-with-mfa.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEALICE01", "alice"));
    assertThat(e.reason()).contains("arn:aws:iam::111122223333:mfa/alice-yubikey");
  }

  @Test
  void shouldFailWhenAConsoleUserHasNoMfaDeviceEvenIfThePasswordWasNeverUsed() {
    Evaluation e = evaluateOne(practice, "fail-console-user-without-mfa.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEBOB0001", "bob"));
    assertThat(e.reason()).contains("user 'bob' has a console password but no MFA device");
  }

  @Test
  void shouldBeNotApplicableWithoutAConsolePassword() {
    Evaluation e = evaluateOne(practice, "na-no-console-password.json");

    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLECIRUNR1", "ci-runner"));
    assertThat(e.reason()).contains("no console password");
  }

  @Test
  void shouldErrorOnTheUserWhenMfaDevicesIsNotAList() {
    Evaluation e = evaluateOne(practice, "error-mfa-devices-not-a-list.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLECAROL01", "carol"));
    assertThat(e.reason()).contains("configuration.MFADevices: expected an array");
  }
}
