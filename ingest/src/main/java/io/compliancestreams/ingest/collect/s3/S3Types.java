package io.compliancestreams.ingest.collect.s3;

/** The snapshot types the S3 collectors produce (both AWS Config types). */
final class S3Types {

  static final String BUCKET = "AWS::S3::Bucket";
  static final String ACCOUNT_PUBLIC_ACCESS_BLOCK = "AWS::S3::AccountPublicAccessBlock";

  private S3Types() {}
}
