package io.compliancestreams.ingest.collect.s3;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Block Public Access flags in AWS Config's camelCase, for buckets and for the account. */
final class PublicAccessBlocks {

  /** S3's and S3 Control's error code when no configuration is set. */
  static final String NOT_SET = "NoSuchPublicAccessBlockConfiguration";

  private PublicAccessBlocks() {}

  static ObjectNode json(Boolean blockPublicAcls, Boolean ignorePublicAcls, Boolean blockPublicPolicy,
      Boolean restrictPublicBuckets) {
    return JsonNodeFactory.instance.objectNode()
        .put("blockPublicAcls", blockPublicAcls)
        .put("ignorePublicAcls", ignorePublicAcls)
        .put("blockPublicPolicy", blockPublicPolicy)
        .put("restrictPublicBuckets", restrictPublicBuckets);
  }
}
