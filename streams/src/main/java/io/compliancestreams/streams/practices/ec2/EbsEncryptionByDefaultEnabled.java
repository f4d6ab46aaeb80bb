package io.compliancestreams.streams.practices.ec2;


import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/**
 * Practice 19 (EC2.7): EBS encryption by default must be on in every enabled Region of the account,
 * used or not. AWS Config does not record the setting, so the collector writes one {@value
 * Ec2Types#EBS_ENCRYPTION_BY_DEFAULT} snapshot per account and Region holding the
 * GetEbsEncryptionByDefault response.
 */
public final class EbsEncryptionByDefaultEnabled implements Practice {

  private static final String EC2 = "ec2.amazonaws.com";
  private static final String TYPE = Ec2Types.EBS_ENCRYPTION_BY_DEFAULT;

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          19,
          "EC2.7",
          "EBS default encryption should be enabled",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.REGION,
          List.of(TYPE),
          List.of(
              EventTrigger.decisive(
                  EC2, "EnableEbsEncryptionByDefault", TYPE, ResourceLocator.accountRegion()),
              EventTrigger.decisive(
                  EC2, "DisableEbsEncryptionByDefault", TYPE, ResourceLocator.accountRegion())),
          List.of(),
          "Turn on EBS encryption by default in the EC2 console's account attributes or with"
              + " 'aws ec2 enable-ebs-encryption-by-default', once per Region, including Regions"
              + " you do not use. Optionally choose a customer managed KMS key as the default key."
              + " Existing unencrypted volumes are not changed and need re-creating.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-7"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    EbsEncryptionByDefault setting = EbsEncryptionByDefault.of(single(input));
    boolean enabled = setting.enabled();
    ConfigurationItem item = setting.item();
    String where = " in account " + item.accountId() + ", Region " + item.awsRegion();
    if (!enabled) {
      return List.of(
          Evaluation.fail(19, input.subject(), "EBS encryption by default is disabled" + where));
    }
    String key = setting.kmsKeyId().map(k -> " (default key " + k + ")").orElse("");
    return List.of(
        Evaluation.pass(19, input.subject(), "EBS encryption by default is enabled" + where + key));
  }

  private static ConfigurationItem single(ScopeInput input) {
    List<ConfigurationItem> items = input.itemsOfType(TYPE);
    if (items.size() != 1) {
      throw new IllegalStateException(
          "expected one "
              + TYPE
              + " snapshot per account and Region, got "
              + items.size()
              + " ("
              + items.stream().map(ConfigurationItem::resourceId).toList()
              + ")");
    }
    return items.get(0);
  }
}
