package io.compliancestreams.ingest.collect.iam;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** What every per-resource IAM collector shares: one type, account-wide (IAM is global), paged. */
abstract class IamCollector implements Collector {

  private final String name;
  private final String resourceType;
  final Integer pageSize;

  IamCollector(String name, String resourceType, Integer pageSize) {
    this.name = name;
    this.resourceType = resourceType;
    this.pageSize = pageSize;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> resourceTypes() {
    return List.of(resourceType);
  }

  @Override
  public final Coverage coverage() {
    return Coverage.GLOBAL;
  }
}
