package io.compliancestreams.schemas.contract;

import java.util.Objects;

/**
 * The canonical resource key {@code accountId/region/resourceType/resourceId}: the Kafka key of a
 * snapshot and the state key of everything about that resource, from ingest onward. Compacted
 * topics and state stores hold these strings, so {@link #format()} must never change.
 *
 * <p>The resource id may itself contain {@code /} and {@code :} (ARNs, paths); the account, the
 * region and the type never contain {@code /}, so the first three separators delimit the parts.
 */
public record ResourceKey(String accountId, String region, String resourceType, String resourceId) {

  private static final char SEPARATOR = '/';

  public ResourceKey {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  /** The key of one resource. */
  public static ResourceKey of(String accountId, String region, String resourceType, String resourceId) {
    return new ResourceKey(accountId, region, resourceType, resourceId);
  }

  /** The key string: {@code accountId/region/resourceType/resourceId}. */
  public String format() {
    return scope(accountId, region, resourceType) + SEPARATOR + resourceId;
  }

  @Override
  public String toString() {
    return format();
  }

  /**
   * The key of a whole scope, every resource of a type in one account and region: {@code
   * accountId/region/resourceType}. A rescan request for a scope carries it (schemas/README.md).
   */
  public static String scope(String accountId, String region, String resourceType) {
    return accountId + SEPARATOR + region + SEPARATOR + resourceType;
  }

  /** A rescan request's key: the resource's key, or the scope's when {@code resourceId} is null. */
  public static String rescan(String accountId, String region, String resourceType, String resourceId) {
    return resourceId == null
        ? scope(accountId, region, resourceType)
        : of(accountId, region, resourceType, resourceId).format();
  }

  /**
   * Parses a key string back; everything after the third {@code /} is the resource id.
   *
   * @throws IllegalArgumentException when the key has fewer than four parts or an empty one
   */
  public static ResourceKey parse(String key) {
    Objects.requireNonNull(key, "key");
    int first = key.indexOf(SEPARATOR);
    int second = first < 0 ? -1 : key.indexOf(SEPARATOR, first + 1);
    int third = second < 0 ? -1 : key.indexOf(SEPARATOR, second + 1);
    if (third < 0 || first == 0 || second == first + 1 || third == second + 1 || third == key.length() - 1) {
      throw new IllegalArgumentException(
          "not a resource key (accountId/region/resourceType/resourceId): '" + key + "'");
    }
    return new ResourceKey(key.substring(0, first), key.substring(first + 1, second),
        key.substring(second + 1, third), key.substring(third + 1));
  }
}
