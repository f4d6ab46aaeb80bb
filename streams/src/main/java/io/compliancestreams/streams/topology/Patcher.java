package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.util.Optional;

/** Applies a decisive CloudTrail call to a stored item (see EventPatches). */
@FunctionalInterface
interface Patcher {
  Optional<ConfigurationItem> apply(ConfigurationItem current, TrailEvent event);
}
