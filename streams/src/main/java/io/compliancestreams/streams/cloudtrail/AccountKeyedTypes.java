package io.compliancestreams.streams.cloudtrail;

import io.compliancestreams.streams.practices.cloudtrail.CloudTrailTypes;
import io.compliancestreams.streams.practices.config.ConfigTypes;
import io.compliancestreams.streams.practices.ec2.Ec2Types;
import io.compliancestreams.streams.practices.guardduty.GuardDutyTypes;
import io.compliancestreams.streams.practices.iam.IamTypes;
import io.compliancestreams.streams.practices.s3.S3Types;
import java.util.Set;

/**
 * Snapshot types kept once per account (or account and region) whose resourceId is the account id
 * (schemas/README.md). For these an ACCOUNT / ACCOUNT_REGION locator names the snapshot itself; for
 * any other type it can only mean "every resource of the type in that scope".
 */
final class AccountKeyedTypes {

  private static final Set<String> TYPES =
      Set.of(
          IamTypes.ACCOUNT_SUMMARY,
          IamTypes.VIRTUAL_MFA_DEVICES,
          IamTypes.PASSWORD_POLICY,
          S3Types.ACCOUNT_PUBLIC_ACCESS_BLOCK,
          CloudTrailTypes.TRAILS,
          ConfigTypes.RECORDER_STATUS,
          Ec2Types.EBS_ENCRYPTION_BY_DEFAULT,
          GuardDutyTypes.DETECTORS);

  private AccountKeyedTypes() {}

  static boolean contains(String resourceType) {
    return TYPES.contains(resourceType);
  }
}
