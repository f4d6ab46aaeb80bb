package io.compliancestreams.schemas.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One AWS Config configuration item as {@link ConfigItemReader} read it, whatever shape AWS Config
 * wrote it in: plain values that ingest maps to a snapshot and the practices to their item.
 *
 * @param captureTime null when the item has none
 * @param status AWS Config's {@code configurationItemStatus} as written, or null
 * @param configuration parsed JSON; a missing node when absent, null or blank
 * @param supplementaryConfiguration each value parsed when it is JSON text, else kept as text
 */
public record ConfigItemFields(
    String accountId,
    String awsRegion,
    String resourceType,
    String resourceId,
    String arn,
    String resourceName,
    Instant captureTime,
    String status,
    String configurationStateId,
    Map<String, String> tags,
    List<RelationshipFields> relationships,
    JsonNode configuration,
    Map<String, JsonNode> supplementaryConfiguration) {

  /**
   * One entry of {@code relationships}, as written: any part may be null (some name the related
   * resource only); the reader of the item decides what it requires.
   */
  public record RelationshipFields(
      String resourceType, String resourceId, String resourceName, String relationshipName) {}
}
