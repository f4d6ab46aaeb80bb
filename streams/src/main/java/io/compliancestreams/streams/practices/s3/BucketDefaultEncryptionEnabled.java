package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.ParameterSpec;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Practice 10 (S3.4, retired by Security Hub): a bucket has a default server-side encryption rule.
 *
 * <p>Since January 2023 S3 applies SSE-S3 to every bucket and GetBucketEncryption always returns a
 * rule, so this practice normally passes; it still catches a missing rule (older snapshots, other
 * partitions, S3-compatible emulators) and, with {@code requireKmsEncryption}, enforces the
 * stricter SSE-KMS meaning of S3.17.
 */
public final class BucketDefaultEncryptionEnabled implements Practice {

  static final ParameterSpec REQUIRE_KMS =
      new ParameterSpec(
          "requireKmsEncryption",
          "false",
          "When true, only SSE-KMS (aws:kms) or DSSE-KMS (aws:kms:dsse) default encryption passes;"
              + " SSE-S3 (AES256) fails, as in Security Hub S3.17");

  private static final Set<String> KMS_ALGORITHMS = Set.of("aws:kms", "aws:kms:dsse");

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          10,
          "S3.4",
          "S3 buckets should have server-side encryption enabled",
          Severity.HIGH,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(ResourceTypes.S3_BUCKET),
          List.of(
              EventTrigger.decisive(
                  "s3.amazonaws.com",
                  "PutBucketEncryption",
                  ResourceTypes.S3_BUCKET,
                  ResourceLocator.request("bucketName")),
              EventTrigger.decisive(
                  "s3.amazonaws.com",
                  "DeleteBucketEncryption",
                  ResourceTypes.S3_BUCKET,
                  ResourceLocator.request("bucketName")),
              EventTrigger.rescan(
                  "s3.amazonaws.com",
                  "CreateBucket",
                  ResourceTypes.S3_BUCKET,
                  ResourceLocator.request("bucketName")),
              EventTrigger.rescan(
                  "s3.amazonaws.com",
                  "DeleteBucket",
                  ResourceTypes.S3_BUCKET,
                  ResourceLocator.request("bucketName"))),
          List.of(REQUIRE_KMS),
          "Give the bucket a default encryption rule with PutBucketEncryption, preferably SSE-KMS "
              + "with a customer managed key and S3 Bucket Keys enabled to limit KMS costs. Note "
              + "that AWS retired this control: since January 2023 S3 encrypts every new object "
              + "with SSE-S3 and DeleteBucketEncryption only resets a bucket to SSE-S3, so a "
              + "failure here usually means the snapshot predates that change or comes from an "
              + "S3-compatible service.",
          // S3.4 was removed from the current control page; the anchor is kept for traceability.
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-4"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    S3Bucket view = S3Bucket.of(input.item());
    ConfigurationItem bucket = view.item();
    boolean requireKms = input.parameters().bool(REQUIRE_KMS);
    String algorithm = view.defaultEncryptionAlgorithm().orElse(null);
    int n = METADATA.number();
    String name = "Bucket " + bucket.displayName();
    Evaluation result;
    if (algorithm == null) {
      result = Evaluation.fail(n, bucket.ref(), name + " has no default server-side encryption rule");
    } else if (requireKms && !KMS_ALGORITHMS.contains(algorithm)) {
      result =
          Evaluation.fail(
              n,
              bucket.ref(),
              name + " encrypts by default with " + algorithm
                  + ", but requireKmsEncryption asks for aws:kms or aws:kms:dsse");
    } else {
      result =
          Evaluation.pass(
              n, bucket.ref(), name + " encrypts new objects by default with " + algorithm);
    }
    return List.of(result);
  }
}
