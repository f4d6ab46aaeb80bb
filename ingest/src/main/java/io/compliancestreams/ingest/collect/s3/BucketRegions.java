package io.compliancestreams.ingest.collect.s3;

/** A bucket's region from GetBucketLocation's LocationConstraint, which has two legacy spellings. */
final class BucketRegions {

  private BucketRegions() {}

  static String fromLocationConstraint(String constraint) {
    if (constraint == null || constraint.isBlank()) {
      return "us-east-1"; // buckets in us-east-1 have no location constraint
    }
    if (constraint.equals("EU")) {
      return "eu-west-1"; // the pre-2010 name of Ireland
    }
    return constraint;
  }
}
