package io.compliancestreams.streams.cloudtrail;

/**
 * The region a snapshot type is keyed under. IAM is global (its snapshots say {@code global}, as
 * AWS Config does for IAM types) and our collector writes the S3 account setting under {@code
 * global} too (schemas/README.md); everything else lives in the region the call was made in.
 */
final class TargetRegion {

  static final String GLOBAL = "global";

  private TargetRegion() {}

  static String of(String resourceType, String eventRegion) {
    if (resourceType.startsWith("AWS::IAM::")
        || resourceType.startsWith("ComplianceStreams::IAM::")
        || resourceType.equals("AWS::S3::AccountPublicAccessBlock")) {
      return GLOBAL;
    }
    return eventRegion;
  }
}
