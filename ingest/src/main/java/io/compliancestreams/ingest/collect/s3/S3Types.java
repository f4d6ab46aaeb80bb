package io.compliancestreams.ingest.collect.s3;

import io.compliancestreams.schemas.contract.ResourceTypes;

/** The snapshot types the S3 collectors produce (both AWS Config types). */
final class S3Types {

  static final String BUCKET = ResourceTypes.S3_BUCKET;
  static final String ACCOUNT_PUBLIC_ACCESS_BLOCK = ResourceTypes.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK;

  private S3Types() {}
}
