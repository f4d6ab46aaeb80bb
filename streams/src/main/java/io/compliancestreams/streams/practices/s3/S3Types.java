package io.compliancestreams.streams.practices.s3;


/** The snapshot types the S3 practices read (both are AWS Config types; see the extension doc). */
public final class S3Types {

  /**
   * AWS Config's account-level Block Public Access item (resourceId = the account id, camelCase
   * flags). Our collector also emits one per account in region {@code global}, with an empty
   * configuration when S3 Control answers {@code NoSuchPublicAccessBlockConfiguration}, so that
   * "never configured" can fail.
   */


  /** Supplementary configuration of a bucket holding its Block Public Access flags. */
  public static final String PUBLIC_ACCESS_BLOCK_CONFIGURATION = "PublicAccessBlockConfiguration";

  /** Supplementary configuration of a bucket holding its default encryption rules. */
  public static final String SERVER_SIDE_ENCRYPTION_CONFIGURATION =
      "ServerSideEncryptionConfiguration";

  private S3Types() {}
}
