package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.Relationship;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.schemas.contract.ResourceKey;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds snapshot records (the Avro contract) from the practices' fixture items. */
public final class SnapshotRecords {

  private SnapshotRecords() {}

  public static ResourceSnapshot of(ConfigurationItem item) {
    Map<String, String> supplementary = new LinkedHashMap<>();
    item.supplementaryConfiguration().forEach((k, v) -> supplementary.put(k, v.toString()));
    return ResourceSnapshot.newBuilder()
        .setAccountId(item.accountId())
        .setAwsRegion(item.awsRegion())
        .setResourceType(item.resourceType())
        .setResourceId(item.resourceId())
        .setArn(item.arn())
        .setResourceName(item.resourceName())
        .setCaptureTime(item.captureTime() == null ? Instant.parse("2026-05-31T00:00:00Z") : item.captureTime())
        .setConfigurationItemStatus(ConfigurationItemStatus.valueOf(item.status().name()))
        .setConfigurationStateId(item.configurationStateId())
        .setTags(item.tags())
        .setRelationships(item.relationships().stream()
            .map(r -> Relationship.newBuilder()
                .setResourceType(r.resourceType())
                .setResourceId(r.resourceId())
                .setResourceName(r.resourceName())
                .setRelationshipName(r.relationshipName() == null ? "" : r.relationshipName())
                .build())
            .toList())
        .setConfiguration(item.configuration().isMissingNode() ? "null" : item.configuration().toString())
        .setSupplementaryConfiguration(supplementary)
        .setSource(SnapshotSource.SCAN)
        .setScanId(null)
        .build();
  }

  /** The same snapshot, captured later (a newer configurationStateId too). */
  public static ResourceSnapshot later(ResourceSnapshot s, Instant captureTime) {
    return ResourceSnapshot.newBuilder(s)
        .setCaptureTime(captureTime)
        .setConfigurationStateId(Long.toString(captureTime.toEpochMilli()))
        .build();
  }

  /** The same resource, reported deleted. */
  public static ResourceSnapshot deleted(ResourceSnapshot s, Instant captureTime) {
    return ResourceSnapshot.newBuilder(later(s, captureTime))
        .setConfigurationItemStatus(ConfigurationItemStatus.ResourceDeleted)
        .setConfiguration("null")
        .build();
  }

  public static String key(ResourceSnapshot s) {
    return ResourceKey.of(s.getAccountId(), s.getAwsRegion(), s.getResourceType(), s.getResourceId()).format();
  }
}
