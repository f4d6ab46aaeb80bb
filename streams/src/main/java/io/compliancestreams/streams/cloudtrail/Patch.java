package io.compliancestreams.streams.cloudtrail;

import io.compliancestreams.streams.practices.ConfigurationItem;
import java.util.Optional;

/**
 * One decisive call's effect on one snapshot type: the new item, or empty when the request alone
 * cannot say. Never mutates {@code current}: build the result with {@link Items}.
 */
@FunctionalInterface
interface Patch {

  Optional<ConfigurationItem> apply(ConfigurationItem current, TrailEvent event);
}
