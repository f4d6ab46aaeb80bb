package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.practices.ConfigurationItem;

/**
 * What reaches a stateful processor: a new snapshot ({@code item}), or a decisive CloudTrail event
 * for the item stored under {@code targetKey}. Exactly one of {@code item} and {@code event} is set.
 */
record Change(ConfigurationItem item, TrailEvent event, String targetKey) {

  static Change snapshot(ConfigurationItem item) {
    return new Change(item, null, item.key());
  }

  static Change event(TrailEvent event, String targetKey) {
    return new Change(null, event, targetKey);
  }

  boolean isSnapshot() {
    return item != null;
  }
}
