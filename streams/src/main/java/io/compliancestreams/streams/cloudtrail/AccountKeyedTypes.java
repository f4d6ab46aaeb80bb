package io.compliancestreams.streams.cloudtrail;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ec2.Ec2Types;
import java.util.Set;

/**
 * Snapshot types kept once per account (or account and region) whose resourceId is the account id
 * (schemas/README.md). For these an ACCOUNT / ACCOUNT_REGION locator names the snapshot itself; for
 * any other type it can only mean "every resource of the type in that scope".
 */
final class AccountKeyedTypes {

  private static final Set<String> TYPES =
      Set.of(
          ResourceTypes.IAM_ACCOUNT_SUMMARY,
          ResourceTypes.IAM_VIRTUAL_MFA_DEVICES,
          ResourceTypes.IAM_PASSWORD_POLICY,
          ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK,
          ResourceTypes.CLOUDTRAIL_TRAILS,
          ResourceTypes.CONFIG_RECORDER_STATUS,
          Ec2Types.EBS_ENCRYPTION_BY_DEFAULT,
          ResourceTypes.GUARDDUTY_DETECTORS);

  private AccountKeyedTypes() {}

  static boolean contains(String resourceType) {
    return TYPES.contains(resourceType);
  }
}
