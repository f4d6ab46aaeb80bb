package io.compliancestreams.streams.topology;

/**
 * The alias index: CloudTrail names resources by name or ARN where AWS Config's resourceId is
 * something else (an IAM user's AIDA id, a policy's ANPA id). The topology publishes {@code
 * accountId|resourceType|alias → canonical key} to a compacted topic read back as a global store.
 */
final class Aliases {

  private Aliases() {}

  static String key(String accountId, String resourceType, String alias) {
    return accountId + "|" + resourceType + "|" + alias;
  }
}
