package io.compliancestreams.ingest.collect.cloudtrail;

import io.compliancestreams.schemas.contract.ResourceTypes;

/** The snapshot types the CloudTrail collectors produce. */
final class CloudTrailTypes {

  static final String TRAIL = ResourceTypes.CLOUDTRAIL_TRAIL;
  static final String TRAILS = ResourceTypes.CLOUDTRAIL_TRAILS;

  private CloudTrailTypes() {}
}
