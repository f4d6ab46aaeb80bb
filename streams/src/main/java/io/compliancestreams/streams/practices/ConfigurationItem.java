package io.compliancestreams.streams.practices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An AWS Config configuration item, or one of our extension snapshots in the same envelope.
 *
 * <p>{@code configuration} and the values of {@code supplementaryConfiguration} are parsed JSON
 * (AWS Config's API gives them as JSON strings; {@link ConfigurationItemJson} normalises). Treat
 * them as read-only: practices never mutate their input.
 */
public record ConfigurationItem(
    String accountId,
    String awsRegion,
    String resourceType,
    String resourceId,
    String arn,
    String resourceName,
    Instant captureTime,
    ItemStatus status,
    String configurationStateId,
    Map<String, String> tags,
    List<Relationship> relationships,
    JsonNode configuration,
    Map<String, JsonNode> supplementaryConfiguration) {

  public ConfigurationItem {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(awsRegion, "awsRegion");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(status, "status");
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    relationships = relationships == null ? List.of() : List.copyOf(relationships);
    configuration = configuration == null ? MissingNode.getInstance() : configuration;
    supplementaryConfiguration =
        supplementaryConfiguration == null ? Map.of() : Map.copyOf(supplementaryConfiguration);
  }

  /** This item's own resource, as the subject of a resource-scoped finding. */
  public ResourceRef ref() {
    return new ResourceRef(accountId, awsRegion, resourceType, resourceId, arn);
  }

  /** The canonical resource key of this item. */
  public String key() {
    return ref().key();
  }

  /** A supplementary configuration value, or a missing node. */
  public JsonNode supplementary(String name) {
    JsonNode node = supplementaryConfiguration.get(name);
    return node == null ? MissingNode.getInstance() : node;
  }

  /** A human-readable name for reasons: the resource name when known, else the id. */
  public String displayName() {
    return resourceName != null && !resourceName.isBlank() ? resourceName : resourceId;
  }
}
