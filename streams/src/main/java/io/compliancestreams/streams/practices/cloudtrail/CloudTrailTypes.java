package io.compliancestreams.streams.practices.cloudtrail;

import io.compliancestreams.schemas.contract.ResourceTypes;

/** The snapshot types the CloudTrail practices read. */
public final class CloudTrailTypes {

  /** AWS Config's trail item (resourceId = the trail name, camelCase configuration). */
  public static final String TRAIL = ResourceTypes.CLOUDTRAIL_TRAIL;

  /**
   * Extension: every trail visible in one account and region, with its logging status and event
   * selectors, which AWS Config does not record. One item per account×region (resourceId = the
   * account id), present even when there is no trail. Configuration: {@code {"trailList": [...]}}
   * from DescribeTrails(includeShadowTrails=true), each entry enriched with {@code "Status"}
   * (GetTrailStatus) and {@code "EventSelectors"} / {@code "AdvancedEventSelectors"}
   * (GetEventSelectors).
   */
  public static final String TRAILS = ResourceTypes.CLOUDTRAIL_TRAILS;

  private CloudTrailTypes() {}
}
