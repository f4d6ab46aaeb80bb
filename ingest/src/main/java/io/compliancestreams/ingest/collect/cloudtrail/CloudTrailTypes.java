package io.compliancestreams.ingest.collect.cloudtrail;

/** The snapshot types the CloudTrail collectors produce. */
final class CloudTrailTypes {

  static final String TRAIL = "AWS::CloudTrail::Trail";
  static final String TRAILS = "ComplianceStreams::CloudTrail::Trails";

  private CloudTrailTypes() {}
}
