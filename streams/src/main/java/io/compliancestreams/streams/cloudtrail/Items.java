package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Copies of an item after an event: captured at the event's time, with no configurationStateId (AWS
 * Config did not record this state), everything else kept.
 */
final class Items {

  private Items() {}

  /** A deep copy of the configuration as an object, or empty when it is not one. */
  static Optional<ObjectNode> configurationCopy(ConfigurationItem item) {
    return item.configuration() instanceof ObjectNode object
        ? Optional.of(object.deepCopy())
        : Optional.empty();
  }

  static ConfigurationItem withConfiguration(
      ConfigurationItem item, JsonNode configuration, TrailEvent event) {
    return copy(item, item.status(), configuration, item.supplementaryConfiguration(), event);
  }

  /** With one supplementary value replaced, or removed when {@code value} is null. */
  static ConfigurationItem withSupplementary(
      ConfigurationItem item, String key, JsonNode value, TrailEvent event) {
    Map<String, JsonNode> supplementary = new LinkedHashMap<>(item.supplementaryConfiguration());
    if (value == null) {
      supplementary.remove(key);
    } else {
      supplementary.put(key, value);
    }
    return copy(item, item.status(), item.configuration(), supplementary, event);
  }

  static ConfigurationItem deleted(ConfigurationItem item, TrailEvent event) {
    return copy(
        item,
        ItemStatus.ResourceDeleted,
        item.configuration(),
        item.supplementaryConfiguration(),
        event);
  }

  private static ConfigurationItem copy(
      ConfigurationItem item,
      ItemStatus status,
      JsonNode configuration,
      Map<String, JsonNode> supplementary,
      TrailEvent event) {
    return new ConfigurationItem(
        item.accountId(),
        item.awsRegion(),
        item.resourceType(),
        item.resourceId(),
        item.arn(),
        item.resourceName(),
        event.eventTime(),
        status,
        null,
        item.tags(),
        item.relationships(),
        configuration,
        supplementary);
  }
}
