package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.ItemReader;
import io.compliancestreams.streams.practices.ParameterSpec;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Practice 11 (S3.8): the bucket's own Block Public Access configuration has all four flags on.
 *
 * <p>Only the bucket-level setting counts, as in Security Hub: the account-level setting is
 * practice 9, and relying on it here would hide buckets that become public the day the account
 * setting is relaxed.
 */
public final class BucketBlockPublicAccessEnabled implements Practice {

  static final ParameterSpec EXCLUDED_BUCKETS =
      new ParameterSpec(
          "excludedPublicBuckets",
          "",
          "Comma-separated names of buckets that are public on purpose; they are not applicable");

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          11,
          "S3.8",
          "S3 general purpose buckets should block public access",
          Severity.MEDIUM,
          Severity.HIGH,
          Scope.RESOURCE,
          List.of(ResourceTypes.S3_BUCKET),
          List.of(
              EventTrigger.decisive(
                  "s3.amazonaws.com",
                  "PutBucketPublicAccessBlock",
                  ResourceTypes.S3_BUCKET,
                  ResourceLocator.request("bucketName")),
              EventTrigger.decisive(
                  "s3.amazonaws.com",
                  "DeleteBucketPublicAccessBlock",
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
          List.of(EXCLUDED_BUCKETS),
          "Turn on all four Block Public Access settings on the bucket itself with "
              + "PutPublicAccessBlock (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, "
              + "RestrictPublicBuckets); a put replaces all four, so send every flag. The account "
              + "setting does not count here. Serve public content through CloudFront with origin "
              + "access control instead, or list a deliberately public bucket in "
              + "excludedPublicBuckets.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    S3Bucket view = S3Bucket.of(input.item());
    ConfigurationItem bucket = view.item();
    int n = METADATA.number();
    String name = "Bucket " + bucket.displayName();
    if (excluded(input).contains(view.name())) {
      return List.of(
          Evaluation.notApplicable(
              n, bucket.ref(), name + " is listed in excludedPublicBuckets (public on purpose)"));
    }
    ItemReader block = view.publicAccessBlock();
    if (BlockPublicAccessFlags.isUnset(block)) {
      return List.of(
          Evaluation.fail(
              n, bucket.ref(), name + " has no bucket-level Block Public Access configuration"));
    }
    List<String> off = BlockPublicAccessFlags.notEnabled(block);
    Evaluation result =
        off.isEmpty()
            ? Evaluation.pass(
                n, bucket.ref(), name + " has all four bucket-level Block Public Access settings enabled")
            : Evaluation.fail(
                n,
                bucket.ref(),
                name + " has bucket-level Block Public Access settings not enabled: "
                    + BlockPublicAccessFlags.describeOff(off));
    return List.of(result);
  }

  private static Set<String> excluded(ScopeInput input) {
    return Arrays.stream(input.parameters().text(EXCLUDED_BUCKETS).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
