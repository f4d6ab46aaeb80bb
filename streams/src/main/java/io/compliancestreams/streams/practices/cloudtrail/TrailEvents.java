package io.compliancestreams.streams.practices.cloudtrail;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.ResourceLocator;
import java.util.List;

/** CloudTrail calls that change a trail's own settings (practices 13 and 14). */
final class TrailEvents {

  private static final String SOURCE = "cloudtrail.amazonaws.com";

  /**
   * Create and Update carry the trail ARN in the response, and a name or ARN in the request;
   * DeleteTrail decides by itself (the trail is gone, its findings close).
   */
  static final List<EventTrigger> TRAIL_CHANGES =
      List.of(
          EventTrigger.rescan(
              SOURCE,
              "CreateTrail",
              ResourceTypes.CLOUDTRAIL_TRAIL,
              ResourceLocator.response("trailARN"),
              ResourceLocator.request("name")),
          EventTrigger.rescan(
              SOURCE,
              "UpdateTrail",
              ResourceTypes.CLOUDTRAIL_TRAIL,
              ResourceLocator.response("trailARN"),
              ResourceLocator.request("name")),
          EventTrigger.decisive(
              SOURCE, "DeleteTrail", ResourceTypes.CLOUDTRAIL_TRAIL, ResourceLocator.request("name")));

  private TrailEvents() {}
}
