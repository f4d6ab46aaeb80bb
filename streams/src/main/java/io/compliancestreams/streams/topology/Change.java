package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.practices.ConfigurationItem;

/**
 * What reaches a stateful processor: a new snapshot ({@code item}), or a CloudTrail event for the
 * item stored under {@code targetKey}. Exactly one of {@code item} and {@code event} is set.
 *
 * @param rescanEventId for a snapshot a rescan fetched: the CloudTrail event id that requested it
 *     (the snapshot's changes are then certainly that event's); else null
 * @param noteOnly for an event: true when it is not decisive, so it is only remembered as the
 *     resource's most recent event (for attribution) and the rescan brings the change. False on
 *     records written before it existed, which were all decisive.
 */
record Change(ConfigurationItem item, TrailEvent event, String targetKey, String rescanEventId,
    boolean noteOnly) {

  static Change snapshot(ConfigurationItem item, String rescanEventId) {
    return new Change(item, null, item.key(), rescanEventId, false);
  }

  static Change event(TrailEvent event, String targetKey) {
    return new Change(null, event, targetKey, null, false);
  }

  /** A relevant but not decisive event: remembered for attribution, nothing evaluated. */
  static Change note(TrailEvent event, String targetKey) {
    return new Change(null, event, targetKey, null, true);
  }

  boolean isSnapshot() {
    return item != null;
  }
}
