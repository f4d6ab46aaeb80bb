package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.schemas.contract.ResourceTypes;

/**
 * Snapshot types the IAM practices read: AWS Config's own and our extension types (documented in
 * {@code schemas/README.md}). Public because the ingest collectors write these types.
 */
public final class IamTypes {

  /** AWS Config: a customer managed policy, with every version's URL-encoded document. */
  public static final String POLICY = ResourceTypes.IAM_POLICY;

  /** AWS Config: a user, with attached managed and inline policies. */
  public static final String USER = ResourceTypes.IAM_USER;

  /**
   * One user's credentials: GetUser, GetLoginProfile, ListAccessKeys (+ GetAccessKeyLastUsed)
   * and ListMFADevices combined. resourceId = the user id (AIDA...), like AWS::IAM::User.
   */
  public static final String USER_CREDENTIALS = ResourceTypes.IAM_USER_CREDENTIALS;

  /** GetAccountSummary of one account. resourceId = the account id. */
  public static final String ACCOUNT_SUMMARY = ResourceTypes.IAM_ACCOUNT_SUMMARY;

  /** ListVirtualMFADevices of one account. resourceId = the account id. */
  public static final String VIRTUAL_MFA_DEVICES = ResourceTypes.IAM_VIRTUAL_MFA_DEVICES;

  /**
   * GetAccountPasswordPolicy of one account, {@code {"PasswordPolicy": null}} when none is set.
   * resourceId = the account id.
   */
  public static final String PASSWORD_POLICY = ResourceTypes.IAM_PASSWORD_POLICY;

  /** The IAM API's event source in CloudTrail. */
  static final String IAM_SOURCE = "iam.amazonaws.com";

  /** CloudTrail's {@code userIdentity.type} of the account's root user. */
  static final String ROOT = "Root";

  private IamTypes() {}
}
