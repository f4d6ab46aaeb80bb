package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Practice 9 (S3.1): the account-level S3 Block Public Access setting has all four flags on.
 *
 * <p>AWS Config records {@code AWS::S3::AccountPublicAccessBlock} once per region, and only after
 * the setting has been configured; our collector adds a copy in region {@code global} whose
 * configuration is empty when the account has no setting. All copies describe the same account
 * fact observed at different times, so the most recently captured one decides.
 */
public final class AccountBlockPublicAccessEnabled implements Practice {

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          9,
          "S3.1",
          "S3 Block Public Access setting should be enabled at the account level",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.ACCOUNT,
          List.of(ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK),
          List.of(
              EventTrigger.decisive(
                  "s3.amazonaws.com",
                  "PutAccountPublicAccessBlock",
                  ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK,
                  ResourceLocator.account()),
              EventTrigger.decisive(
                  "s3.amazonaws.com",
                  "DeleteAccountPublicAccessBlock",
                  ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK,
                  ResourceLocator.account())),
          List.of(),
          "Turn on all four account-level Block Public Access settings (BlockPublicAcls, "
              + "IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets), for example with "
              + "'aws s3control put-public-access-block --account-id <id> "
              + "--public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,"
              + "BlockPublicPolicy=true,RestrictPublicBuckets=true'. In an organization, prefer an "
              + "AWS Organizations S3 policy so member accounts cannot turn it off. Buckets that must "
              + "be public belong in a separate account.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-1"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    AccountPublicAccessBlock block =
        AccountPublicAccessBlock.of(latest(input.itemsOfType(ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK)));
    ConfigurationItem latest = block.item();
    ResourceRef account = ResourceRef.account(input.subject().accountId());
    if (BlockPublicAccessFlags.isUnset(block.flags())) {
      return List.of(
          Evaluation.fail(
              METADATA.number(),
              account,
              "Account " + account.accountId() + " has no account-level S3 Block Public Access "
                  + "configuration (as of " + capturedAt(latest) + ")"));
    }
    List<String> off = BlockPublicAccessFlags.notEnabled(block.flags());
    Evaluation result =
        off.isEmpty()
            ? Evaluation.pass(
                METADATA.number(),
                account,
                "All four account-level S3 Block Public Access settings are enabled")
            : Evaluation.fail(
                METADATA.number(),
                account,
                "Account-level S3 Block Public Access settings not enabled: "
                    + BlockPublicAccessFlags.describeOff(off));
    return List.of(result);
  }

  /** The most recently captured copy; ties (or no capture time) resolve by resource key. */
  private static ConfigurationItem latest(List<ConfigurationItem> items) {
    Comparator<ConfigurationItem> byCapture =
        Comparator.comparing(
            ConfigurationItem::captureTime, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
    return items.stream()
        .max(byCapture.thenComparing(ConfigurationItem::key, Comparator.reverseOrder()))
        .orElseThrow(() -> new IllegalStateException("no account public access block item"));
  }

  private static String capturedAt(ConfigurationItem item) {
    return item.captureTime() == null ? "an unknown time" : item.captureTime().toString();
  }
}
