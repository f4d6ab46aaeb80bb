package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.List;
import java.util.Optional;

/**
 * A {@value S3Types#BUCKET} item: what the S3 practices read lives in its supplementary
 * configuration (Block Public Access flags, default encryption rules).
 */
record S3Bucket(ConfigurationItem item) {

  static S3Bucket of(ConfigurationItem item) {
    return new S3Bucket(item);
  }

  /** The bucket name. */
  String name() {
    return item.resourceId();
  }

  /** The bucket-level Block Public Access flags, as {@link BlockPublicAccessFlags} reads them. */
  ItemReader publicAccessBlock() {
    return ItemReader.supplementary(item, S3Types.PUBLIC_ACCESS_BLOCK_CONFIGURATION);
  }

  /** The SSE algorithm of the first default-encryption rule that sets one; empty when none does. */
  Optional<String> defaultEncryptionAlgorithm() {
    ItemReader sse =
        ItemReader.supplementary(item, S3Types.SERVER_SIDE_ENCRYPTION_CONFIGURATION).object();
    List<ItemReader> rules = sse.field("rules").list();
    for (ItemReader rule : rules) {
      ItemReader algorithm = rule.field("applyServerSideEncryptionByDefault").field("sseAlgorithm");
      if (!algorithm.isPresent()) {
        continue; // a rule may only set bucketKeyEnabled
      }
      if (!algorithm.node().isTextual() || algorithm.node().asText().isBlank()) {
        throw algorithm.malformed("expected an algorithm name, got " + algorithm.node());
      }
      return Optional.of(algorithm.node().asText());
    }
    return Optional.empty();
  }
}
