package io.compliancestreams.sinks.text;

import io.compliancestreams.schemas.avro.FindingDelta;

/**
 * A resource as people recognise it: its name first, with the id after it when they differ
 * ("alice (AIDA2EXAMPLE7USERID)"), else the id. IAM users, roles and policies have opaque ids,
 * security groups sg-… ids; buckets are named by their id already.
 */
public final class ResourceLabel {

  private ResourceLabel() {}

  public static String of(FindingDelta d) {
    return of(d.getResourceName(), d.getResourceId());
  }

  public static String of(String name, String id) {
    if (name == null || name.isBlank() || name.equals(id)) {
      return id;
    }
    return name + " (" + id + ")";
  }
}
