package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.ResourceLocator.account;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_ACCOUNT_SUMMARY;
import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.streams.practices.iam.IamTypes.ROOT;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_VIRTUAL_MFA_DEVICES;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IAM.6: the root user's MFA is a hardware device. IAM has no "is hardware" flag, so, like the
 * AWS Config rule and Prowler: MFA must be on (AccountMFAEnabled=1) and no virtual MFA device
 * may be assigned to root. FIDO keys and passkeys are not virtual devices, so they count as
 * hardware. An account whose root user has no credentials at all (centralized root access)
 * passes: nobody can sign in as root there.
 */
public final class RootHardwareMfa implements Practice {

  static final int NUMBER = 6;

  /** The SummaryMap keys that tell whether root has a credential of each kind. */
  private static final List<String> ROOT_CREDENTIAL_KEYS =
      List.of(
          AccountSummary.PASSWORD_PRESENT,
          AccountSummary.ACCESS_KEYS_PRESENT,
          AccountSummary.SIGNING_CERTIFICATES_PRESENT);

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          NUMBER,
          "IAM.6",
          "Hardware MFA should be enabled for the root user",
          Severity.HIGH,
          Severity.CRITICAL,
          Scope.ACCOUNT,
          List.of(IAM_ACCOUNT_SUMMARY, IAM_VIRTUAL_MFA_DEVICES),
          List.of(
              // Triggers cannot filter on a root caller, so any user's MFA change rescans the
              // account's two (cheap) snapshots.
              EventTrigger.rescan(IAM_SOURCE, "EnableMFADevice", IAM_ACCOUNT_SUMMARY, account()),
              EventTrigger.rescan(IAM_SOURCE, "EnableMFADevice", IAM_VIRTUAL_MFA_DEVICES, account()),
              EventTrigger.rescan(IAM_SOURCE, "DeactivateMFADevice", IAM_ACCOUNT_SUMMARY, account()),
              EventTrigger.rescan(IAM_SOURCE, "DeactivateMFADevice", IAM_VIRTUAL_MFA_DEVICES, account()),
              EventTrigger.rescan(IAM_SOURCE, "CreateVirtualMFADevice", IAM_VIRTUAL_MFA_DEVICES, account()),
              EventTrigger.rescan(IAM_SOURCE, "DeleteVirtualMFADevice", IAM_VIRTUAL_MFA_DEVICES, account()),
              // Root credentials appearing or disappearing (including a privileged root session
              // from the management account) decide whether MFA is required at all.
              EventTrigger.rescan(IAM_SOURCE, "CreateLoginProfile", IAM_ACCOUNT_SUMMARY, account()),
              EventTrigger.rescan(IAM_SOURCE, "DeleteLoginProfile", IAM_ACCOUNT_SUMMARY, account()),
              // Root's own access keys are in the summary; an IAM user's keys are not.
              EventTrigger.decisive(IAM_SOURCE, "CreateAccessKey", IAM_ACCOUNT_SUMMARY, account())
                  .byIdentityType(ROOT),
              EventTrigger.decisive(IAM_SOURCE, "DeleteAccessKey", IAM_ACCOUNT_SUMMARY, account())
                  .byIdentityType(ROOT),
              EventTrigger.rescan(IAM_SOURCE, "UploadSigningCertificate", IAM_ACCOUNT_SUMMARY, account()),
              EventTrigger.rescan(IAM_SOURCE, "DeleteSigningCertificate", IAM_ACCOUNT_SUMMARY, account())),
          List.of(),
          "Sign in as the root user and register a FIDO security key or a hardware TOTP token"
              + " under Security credentials, then remove any authenticator-app (virtual) device"
              + " from root. Keep the device in a safe place with a documented recovery process;"
              + " in an AWS Organization, centralized root access can remove root credentials"
              + " from member accounts altogether.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-6"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    ResourceRef account = ResourceRef.account(input.subject().accountId());
    String root = "the root user of account " + account.accountId();
    AccountSummary summary =
        AccountSummary.of(AccountSnapshot.required(input, IAM_ACCOUNT_SUMMARY));
    List<String> credentials = rootCredentials(summary);
    if (credentials.isEmpty()) {
      return List.of(
          Evaluation.pass(
              NUMBER, account, root + " has no credentials (no password, access key or signing"
                  + " certificate), so nobody can sign in as root"));
    }
    int mfa = summary.required(AccountSummary.MFA_ENABLED);
    if (mfa != 1) {
      return List.of(
          Evaluation.fail(
              NUMBER, account, root + " has credentials (" + String.join(", ", credentials)
                  + ") but no MFA (AccountMFAEnabled=" + mfa + ")"));
    }
    Optional<String> virtual =
        VirtualMfaDevices.of(AccountSnapshot.required(input, IAM_VIRTUAL_MFA_DEVICES))
            .assignedToRoot(account.accountId());
    if (virtual.isPresent()) {
      return List.of(
          Evaluation.fail(
              NUMBER, account, root + " uses a virtual MFA device (" + virtual.get()
                  + "), not a hardware one"));
    }
    return List.of(
        Evaluation.pass(
            NUMBER, account, root + " has MFA enabled and no virtual MFA device assigned, so its"
                + " MFA is a hardware TOTP token or a FIDO security key"));
  }

  /**
   * E.g. {@code AccountPasswordPresent=1}. A key the map does not carry counts as present: an
   * incomplete summary must not pass as "root has no credentials".
   */
  private static List<String> rootCredentials(AccountSummary summary) {
    List<String> present = new ArrayList<>();
    for (String key : ROOT_CREDENTIAL_KEYS) {
      Optional<Integer> value = summary.value(key);
      if (value.isEmpty()) {
        present.add(key + " not reported");
      } else if (value.get() > 0) {
        present.add(key + "=" + value.get());
      }
    }
    return present;
  }
}
