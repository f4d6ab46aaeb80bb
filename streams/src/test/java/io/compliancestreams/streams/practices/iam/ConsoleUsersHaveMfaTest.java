package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleUsersHaveMfaTest {

  private final ConsoleUsersHaveMfa practice = new ConsoleUsersHaveMfa();

  private Evaluation only(String fixture) {
    List<Evaluation> evaluations = evaluate(practice, fixture);
    assertThat(evaluations).hasSize(1);
    return evaluations.get(0);
  }

  private static ResourceRef user(String id, String name) {
    return new ResourceRef(
        "111122223333", "global", "AWS::IAM::User", id, "arn:aws:iam::111122223333:user/" + name);
  }

  @Test
  void shouldPassWhenAConsoleUserHasAnMfaDevice() {
    Evaluation e = only("pass-console-user-with-mfa.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEALICE01", "alice"));
    assertThat(e.reason()).contains("arn:aws:iam::111122223333:mfa/alice-yubikey");
  }

  @Test
  void shouldFailWhenAConsoleUserHasNoMfaDeviceEvenIfThePasswordWasNeverUsed() {
    Evaluation e = only("fail-console-user-without-mfa.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEBOB0001", "bob"));
    assertThat(e.reason()).contains("user 'bob' has a console password but no MFA device");
  }

  @Test
  void shouldBeNotApplicableWithoutAConsolePassword() {
    Evaluation e = only("na-no-console-password.json");

    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLECIRUNR1", "ci-runner"));
    assertThat(e.reason()).contains("no console password");
  }

  @Test
  void shouldErrorOnTheUserWhenMfaDevicesIsNotAList() {
    Evaluation e = only("error-mfa-devices-not-a-list.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLECAROL01", "carol"));
    assertThat(e.reason()).contains("configuration.MFADevices: expected an array");
  }
}
