package io.compliancestreams.ingest.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.schemas.contract.ConfigItemFields;
import io.compliancestreams.schemas.contract.ConfigItemFields.RelationshipFields;
import io.compliancestreams.schemas.contract.ConfigItemReader;
import io.compliancestreams.schemas.contract.MalformedFieldException;
import java.util.List;

/**
 * One AWS Config configuration item → {@link ResourceSnapshot} (source AWS_CONFIG), in whichever
 * shape AWS Config wrote it (read by the contract's {@link ConfigItemReader}). The meaning is
 * unchanged: configuration and supplementary values become JSON text, status and state id are
 * AWS Config's own. Pure.
 */
public final class ConfigurationItemMapper {

  private ConfigurationItemMapper() {}

  /** @throws MalformedItemException naming the field that is missing or unreadable */
  public static ResourceSnapshot map(JsonNode item) {
    ConfigItemFields fields;
    try {
      fields = ConfigItemReader.read(item);
    } catch (MalformedFieldException e) {
      throw new MalformedItemException(e.field(), e.problem());
    }
    if (fields.captureTime() == null) {
      throw new MalformedItemException("configurationItemCaptureTime", "is missing");
    }
    JsonNode configuration = fields.configuration();
    SnapshotBuilder builder = SnapshotBuilder.of(
            fields.accountId(), fields.awsRegion(), fields.resourceType(), fields.resourceId())
        .arn(fields.arn())
        .name(fields.resourceName())
        .capturedAt(fields.captureTime())
        .configuration(configuration.isMissingNode() ? null : configuration)
        .tags(fields.tags())
        .source(SnapshotSource.AWS_CONFIG, null);
    relationships(fields.relationships(), builder);
    fields.supplementaryConfiguration().forEach(builder::supplementary);
    ResourceSnapshot built = builder.build();
    // AWS Config's own status and state id, not the builder's defaults.
    return ResourceSnapshot.newBuilder(built)
        .setConfigurationItemStatus(status(fields.status()))
        .setConfigurationStateId(fields.configurationStateId())
        .build();
  }

  private static ConfigurationItemStatus status(String value) {
    if (value == null) {
      return ConfigurationItemStatus.OK;
    }
    try {
      return ConfigurationItemStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedItemException("configurationItemStatus", "unknown status '" + value + "'");
    }
  }

  /** A snapshot's relationship needs its type, an id (or, for some, only a name) and its name. */
  private static void relationships(List<RelationshipFields> relationships, SnapshotBuilder builder) {
    int i = 0;
    for (RelationshipFields r : relationships) {
      String at = "relationships[" + i++ + "]";
      String id = r.resourceId() != null ? r.resourceId() : r.resourceName();
      if (r.resourceType() == null || id == null || r.relationshipName() == null) {
        throw new MalformedItemException(at, "needs resourceType, resourceId (or resourceName) and relationshipName");
      }
      builder.relationship(r.resourceType(), id, r.resourceName(), r.relationshipName());
    }
  }
}
