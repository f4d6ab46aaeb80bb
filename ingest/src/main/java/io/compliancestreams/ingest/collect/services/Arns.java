package io.compliancestreams.ingest.collect.services;

/** ARNs of resources whose API responses do not carry one (EC2), built as AWS Config writes them. */
public final class Arns {

  private Arns() {}

  /** The partition of a region: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud. */
  public static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  /** {@code arn:<partition>:ec2:<region>:<account>:<kind>/<id>}, e.g. a volume, VPC or security group. */
  public static String ec2(String region, String accountId, String kind, String id) {
    return "arn:" + partition(region) + ":ec2:" + region + ":" + accountId + ":" + kind + "/" + id;
  }
}
