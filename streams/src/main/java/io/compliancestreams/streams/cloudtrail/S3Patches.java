package io.compliancestreams.streams.cloudtrail;

import static io.compliancestreams.streams.cloudtrail.Json.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.s3.S3Types;
import java.util.Optional;

/** Bucket encryption and Block Public Access, bucket and account level (practices 9–11). */
final class S3Patches {

  private S3Patches() {}

  /**
   * PutBucketEncryption → supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[] (AWS
   * Config's camelCase of the request's PascalCase {@code Rule}s).
   */
  static Optional<ConfigurationItem> putBucketEncryption(ConfigurationItem current, TrailEvent e) {
    JsonNode request = e.requestParameters().path("ServerSideEncryptionConfiguration");
    if (!request.isObject() || !request.has("Rule")) {
      return Optional.empty(); // Some records omit the body: only the rescan can say.
    }
    ArrayNode rules = NODES.arrayNode();
    for (JsonNode rule : Json.items(request.get("Rule"))) {
      JsonNode byDefault = rule.path("ApplyServerSideEncryptionByDefault");
      ObjectNode out = rules.addObject();
      ObjectNode apply = out.putObject("applyServerSideEncryptionByDefault");
      apply.put("sseAlgorithm", Json.text(byDefault, "SSEAlgorithm"));
      apply.put("kmsMasterKeyID", Json.text(byDefault, "KMSMasterKeyID"));
      out.put("bucketKeyEnabled", Json.flag(rule, "BucketKeyEnabled"));
    }
    ObjectNode config = NODES.objectNode();
    config.set("rules", rules);
    return Optional.of(
        Items.withSupplementary(current, S3Types.SERVER_SIDE_ENCRYPTION_CONFIGURATION, config, e));
  }

  /**
   * DeleteBucketEncryption → the SSE-S3 default rule. Since January 2023 S3 encrypts every bucket:
   * deleting the configuration falls back to SSE-S3 (AES256), which is what the next rescan
   * records, so patching anything else would report a FAIL the rescan takes back. It still
   * regresses practice 10 when KMS is required ({@code requireKmsEncryption}).
   */
  static Optional<ConfigurationItem> deleteBucketEncryption(
      ConfigurationItem current, TrailEvent e) {
    ObjectNode config = NODES.objectNode();
    ObjectNode rule = config.putArray("rules").addObject();
    rule.putObject("applyServerSideEncryptionByDefault").put("sseAlgorithm", "AES256");
    rule.put("bucketKeyEnabled", false);
    return Optional.of(
        Items.withSupplementary(current, S3Types.SERVER_SIDE_ENCRYPTION_CONFIGURATION, config, e));
  }

  /** PutBucketPublicAccessBlock → supplementaryConfiguration.PublicAccessBlockConfiguration. */
  static Optional<ConfigurationItem> putBucketPublicAccessBlock(
      ConfigurationItem current, TrailEvent e) {
    return flags(e)
        .map(
            f -> Items.withSupplementary(current, S3Types.PUBLIC_ACCESS_BLOCK_CONFIGURATION, f, e));
  }

  /** DeleteBucketPublicAccessBlock → no PublicAccessBlockConfiguration at all. */
  static Optional<ConfigurationItem> deleteBucketPublicAccessBlock(
      ConfigurationItem current, TrailEvent e) {
    return Optional.of(
        Items.withSupplementary(current, S3Types.PUBLIC_ACCESS_BLOCK_CONFIGURATION, null, e));
  }

  /** PutAccountPublicAccessBlock → AWS::S3::AccountPublicAccessBlock configuration (4 flags). */
  static Optional<ConfigurationItem> putAccountPublicAccessBlock(
      ConfigurationItem current, TrailEvent e) {
    return flags(e).map(f -> Items.withConfiguration(current, f, e));
  }

  /** DeleteAccountPublicAccessBlock → configuration {@code {}}, our "not configured". */
  static Optional<ConfigurationItem> deleteAccountPublicAccessBlock(
      ConfigurationItem current, TrailEvent e) {
    return Optional.of(Items.withConfiguration(current, NODES.objectNode(), e));
  }

  /**
   * The request's PublicAccessBlockConfiguration in AWS Config's camelCase. A put replaces all four
   * settings, so an absent flag is false.
   */
  private static Optional<JsonNode> flags(TrailEvent e) {
    JsonNode request = e.requestParameters().path("PublicAccessBlockConfiguration");
    if (!request.isObject()) {
      return Optional.empty();
    }
    ObjectNode out = NODES.objectNode();
    out.put("blockPublicAcls", Json.flag(request, "BlockPublicAcls"));
    out.put("ignorePublicAcls", Json.flag(request, "IgnorePublicAcls"));
    out.put("blockPublicPolicy", Json.flag(request, "BlockPublicPolicy"));
    out.put("restrictPublicBuckets", Json.flag(request, "RestrictPublicBuckets"));
    return Optional.of(out);
  }
}
