package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.time.Instant;

/**
 * What reaches a stateful processor: a new snapshot ({@code item}), a CloudTrail event for the
 * item stored under {@code targetKey}, or a snapshot of that item whose content is the stored one
 * ({@code touch}). Exactly one of {@code item}, {@code event} and {@code touch} is set.
 *
 * @param rescanEventId for a snapshot a rescan fetched: the CloudTrail event id that requested it
 *     (the snapshot's changes are then certainly that event's); else null
 * @param noteOnly for an event: true when it is not decisive, so it is only remembered as the
 *     resource's most recent event (for attribution) and the rescan brings the change. False on
 *     records written before it existed, which were all decisive.
 * @param contentHash for a snapshot: its {@link ContentHash}; 0 (unknown) otherwise and on
 *     records written before it existed
 * @param touch for a snapshot the decoder found unchanged or older than the stored one: its
 *     capture time and state id, all the resource processor needs (no item is parsed)
 */
record Change(ConfigurationItem item, TrailEvent event, String targetKey, String rescanEventId,
    boolean noteOnly, long contentHash, Touch touch) {

  /** The ordering fields of a snapshot whose configuration was not parsed. */
  record Touch(Instant captureTime, String configurationStateId) {}

  static Change snapshot(ConfigurationItem item, String rescanEventId, long contentHash) {
    return new Change(item, null, item.key(), rescanEventId, false, contentHash, null);
  }

  static Change snapshot(ConfigurationItem item, String rescanEventId) {
    return snapshot(item, rescanEventId, 0L);
  }

  static Change touch(String key, Instant captureTime, String configurationStateId, long contentHash) {
    return new Change(null, null, key, null, false, contentHash,
        new Touch(captureTime, configurationStateId));
  }

  static Change event(TrailEvent event, String targetKey) {
    return new Change(null, event, targetKey, null, false, 0L, null);
  }

  /** A relevant but not decisive event: remembered for attribution, nothing evaluated. */
  static Change note(TrailEvent event, String targetKey) {
    return new Change(null, event, targetKey, null, true, 0L, null);
  }

  boolean isSnapshot() {
    return item != null;
  }

  boolean touchOnly() {
    return touch != null;
  }
}
