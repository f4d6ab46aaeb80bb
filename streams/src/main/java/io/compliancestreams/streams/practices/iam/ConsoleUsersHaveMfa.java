package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.ResourceLocator.request;
import static io.compliancestreams.streams.practices.ResourceLocator.userIdentity;
import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_USER_CREDENTIALS;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/**
 * IAM.5: a user with a console password (a login profile, used or not) has at least one MFA
 * device of any kind. Users without a console password are not applicable.
 */
public final class ConsoleUsersHaveMfa implements Practice {

  static final int NUMBER = 5;

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          NUMBER,
          "IAM.5",
          "MFA should be enabled for all IAM users that have a console password",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(IAM_USER_CREDENTIALS),
          UserTriggers.concat(
              List.of(
                  EventTrigger.rescan(
                      IAM_SOURCE, "CreateLoginProfile", IAM_USER_CREDENTIALS, request("userName")),
                  EventTrigger.rescan(
                      IAM_SOURCE, "DeleteLoginProfile", IAM_USER_CREDENTIALS, request("userName")),
                  EventTrigger.rescan(
                      IAM_SOURCE, "EnableMFADevice", IAM_USER_CREDENTIALS, request("userName"),
                      userIdentity("userName")),
                  EventTrigger.rescan(
                      IAM_SOURCE, "DeactivateMFADevice", IAM_USER_CREDENTIALS, request("userName"),
                      userIdentity("userName"))),
              // DeleteVirtualMFADevice is absent: IAM refuses to delete a device still assigned
              // to a user, so deactivation (above) is the event that changes the status.
              UserTriggers.userLifecycle(IAM_USER_CREDENTIALS)),
          List.of(),
          "Have the user register an MFA device (a FIDO security key or passkey, a hardware TOTP"
              + " token, or an authenticator app) under Security credentials, or register one for"
              + " them. If the user does not need the console, delete its login profile instead;"
              + " an IAM policy that denies actions without aws:MultiFactorAuthPresent enforces it.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-5"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    return List.of(
        UserCredentials.evaluate(NUMBER, METADATA.controlId(), input.item(), ConsoleUsersHaveMfa::rule));
  }

  private static Evaluation rule(UserCredentials credentials) {
    String user = "user '" + credentials.userName() + "'";
    if (!credentials.hasConsolePassword()) {
      return Evaluation.notApplicable(
          NUMBER, credentials.user(), user + " has no console password (no login profile)");
    }
    List<String> devices = credentials.mfaSerialNumbers();
    if (devices.isEmpty()) {
      return Evaluation.fail(
          NUMBER, credentials.user(), user + " has a console password but no MFA device");
    }
    return Evaluation.pass(
        NUMBER,
        credentials.user(),
        user + " has a console password and " + devices.size() + " MFA device(s): "
            + String.join(", ", devices));
  }
}
