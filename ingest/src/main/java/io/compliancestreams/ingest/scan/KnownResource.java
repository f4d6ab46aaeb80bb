package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.Objects;

/**
 * What the inventory remembers of a resource: enough to write its ResourceDeleted snapshot.
 * Public because an {@link InventoryJournal} outside this package stores and restores it.
 */
public record KnownResource(String accountId, String region, String resourceType, String resourceId, String arn,
    String name) {

  public KnownResource {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  static KnownResource of(ResourceSnapshot s) {
    return new KnownResource(s.getAccountId(), s.getAwsRegion(), s.getResourceType(), s.getResourceId(),
        s.getArn(), s.getResourceName());
  }

  /** The canonical resource key, the same as {@link SnapshotBuilder#keyOf} of its snapshot. */
  public String key() {
    return SnapshotBuilder.key(accountId, region, resourceType, resourceId);
  }
}
