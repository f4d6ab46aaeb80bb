package io.compliancestreams.streams.practices.iam;


/**
 * Snapshot types the IAM practices read: AWS Config's own and our extension types (documented in
 * {@code schemas/README.md}). Public because the ingest collectors write these types.
 */
public final class IamTypes {



  /**
   * One user's credentials: GetUser, GetLoginProfile, ListAccessKeys (+ GetAccessKeyLastUsed)
   * and ListMFADevices combined. resourceId = the user id (AIDA...), like AWS::IAM::User.
   */



  /**
   * GetAccountPasswordPolicy of one account, {@code {"PasswordPolicy": null}} when none is set.
   * resourceId = the account id.
   */

  /** The IAM API's event source in CloudTrail. */
  static final String IAM_SOURCE = "iam.amazonaws.com";

  /** CloudTrail's {@code userIdentity.type} of the account's root user. */
  static final String ROOT = "Root";

  private IamTypes() {}
}
