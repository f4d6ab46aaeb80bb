package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.schemas.contract.ResourceTypes;

/** The snapshot types the S3 practices read (both are AWS Config types; see the extension doc). */
public final class S3Types {

  /**
   * AWS Config's account-level Block Public Access item (resourceId = the account id, camelCase
   * flags). Our collector also emits one per account in region {@code global}, with an empty
   * configuration when S3 Control answers {@code NoSuchPublicAccessBlockConfiguration}, so that
   * "never configured" can fail.
   */
  public static final String ACCOUNT_PUBLIC_ACCESS_BLOCK = ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK;

  /** AWS Config's general purpose bucket (resourceId = the bucket name). */
  public static final String BUCKET = ResourceTypes.S3_BUCKET;

  /** Supplementary configuration of a bucket holding its Block Public Access flags. */
  public static final String PUBLIC_ACCESS_BLOCK_CONFIGURATION = "PublicAccessBlockConfiguration";

  /** Supplementary configuration of a bucket holding its default encryption rules. */
  public static final String SERVER_SIDE_ENCRYPTION_CONFIGURATION =
      "ServerSideEncryptionConfiguration";

  private S3Types() {}
}
