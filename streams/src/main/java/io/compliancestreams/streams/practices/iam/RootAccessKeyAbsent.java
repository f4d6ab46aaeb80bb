package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.ResourceLocator.account;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_ACCOUNT_SUMMARY;
import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.streams.practices.iam.IamTypes.ROOT;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/**
 * IAM.4: the root user has no access key, active or not (GetAccountSummary's
 * AccountAccessKeysPresent, as the AWS Config rule reads it; Prowler ignores inactive keys).
 */
public final class RootAccessKeyAbsent implements Practice {

  static final int NUMBER = 4;

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          NUMBER,
          "IAM.4",
          "IAM root user access key should not exist",
          Severity.HIGH,
          Severity.CRITICAL,
          Scope.ACCOUNT,
          List.of(IAM_ACCOUNT_SUMMARY),
          List.of(
              // Only calls made by root on its own keys matter: a root CreateAccessKey decides
              // the summary (a key now exists); a root DeleteAccessKey decides it only when it
              // removed the last key, which the patch can tell or leaves to the rescan.
              // UpdateAccessKey is absent: an inactive root key still fails.
              EventTrigger.decisive(IAM_SOURCE, "CreateAccessKey", IAM_ACCOUNT_SUMMARY, account())
                  .byIdentityType(ROOT),
              EventTrigger.decisive(IAM_SOURCE, "DeleteAccessKey", IAM_ACCOUNT_SUMMARY, account())
                  .byIdentityType(ROOT)),
          List.of(),
          "Sign in as the root user, open Security credentials, and delete every root access key"
              + " (deactivating is not enough). Give automation an IAM role or a least-privilege"
              + " user instead; in an AWS Organization, consider centralized root access so member"
              + " accounts have no root credentials at all.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-4"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    ResourceRef account = ResourceRef.account(input.subject().accountId());
    AccountSummary summary =
        AccountSummary.of(AccountSnapshot.required(input, IAM_ACCOUNT_SUMMARY));
    int keys = summary.required(AccountSummary.ACCESS_KEYS_PRESENT);
    if (keys > 0) {
      return List.of(
          Evaluation.fail(
              NUMBER,
              account,
              "the root user of account " + account.accountId() + " has an access key"
                  + " (AccountAccessKeysPresent=" + keys + "; inactive keys count too)"));
    }
    return List.of(
        Evaluation.pass(
            NUMBER,
            account,
            "the root user of account " + account.accountId()
                + " has no access key (AccountAccessKeysPresent=0)"));
  }
}
