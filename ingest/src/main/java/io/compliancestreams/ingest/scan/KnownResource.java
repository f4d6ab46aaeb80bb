package io.compliancestreams.ingest.scan;

import io.compliancestreams.schemas.avro.ResourceSnapshot;

/** What the inventory remembers of a resource: enough to write its ResourceDeleted snapshot. */
record KnownResource(String accountId, String region, String resourceType, String resourceId, String arn,
    String name) {

  static KnownResource of(ResourceSnapshot s) {
    return new KnownResource(s.getAccountId(), s.getAwsRegion(), s.getResourceType(), s.getResourceId(),
        s.getArn(), s.getResourceName());
  }
}
