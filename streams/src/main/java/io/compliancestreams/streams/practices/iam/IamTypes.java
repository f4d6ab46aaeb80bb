package io.compliancestreams.streams.practices.iam;

/**
 * Snapshot types the IAM practices read: AWS Config's own and our extension types (documented in
 * {@code schemas/README.md}). Public because the ingest collectors write these types.
 */
public final class IamTypes {

  /** AWS Config: a customer managed policy, with every version's URL-encoded document. */
  public static final String POLICY = "AWS::IAM::Policy";

  /** AWS Config: a user, with attached managed and inline policies. */
  public static final String USER = "AWS::IAM::User";

  /**
   * One user's credentials: GetUser, GetLoginProfile, ListAccessKeys (+ GetAccessKeyLastUsed)
   * and ListMFADevices combined. resourceId = the user id (AIDA...), like AWS::IAM::User.
   */
  public static final String USER_CREDENTIALS = "ComplianceStreams::IAM::UserCredentials";

  /** GetAccountSummary of one account. resourceId = the account id. */
  public static final String ACCOUNT_SUMMARY = "ComplianceStreams::IAM::AccountSummary";

  /** ListVirtualMFADevices of one account. resourceId = the account id. */
  public static final String VIRTUAL_MFA_DEVICES = "ComplianceStreams::IAM::VirtualMFADevices";

  /**
   * GetAccountPasswordPolicy of one account, {@code {"PasswordPolicy": null}} when none is set.
   * resourceId = the account id.
   */
  public static final String PASSWORD_POLICY = "ComplianceStreams::IAM::PasswordPolicy";

  /** The IAM API's event source in CloudTrail. */
  static final String IAM_SOURCE = "iam.amazonaws.com";

  /** CloudTrail's {@code userIdentity.type} of the account's root user. */
  static final String ROOT = "Root";

  private IamTypes() {}
}
