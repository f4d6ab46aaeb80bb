package io.compliancestreams.streams.practices;

import io.compliancestreams.schemas.contract.ResourceKey;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.util.Objects;

/**
 * The resource a finding is about. For account-wide practices the resource is the account itself
 * ({@value #ACCOUNT_TYPE}, region {@value #GLOBAL_REGION}); for account-and-region practices it is
 * the account in that region.
 *
 * @param arn may be null when the resource has no ARN
 */
public record ResourceRef(
    String accountId, String region, String resourceType, String resourceId, String arn) {

  /** AWS Config's resource type for account-level evaluations. */
  public static final String ACCOUNT_TYPE = ResourceTypes.ACCOUNT;
  /** Region label used for global (account-wide) facts, such as IAM and the S3 account setting. */
  public static final String GLOBAL_REGION = "global";

  public ResourceRef {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  /** The account as a whole (practices 4, 6, 7, 9, 12). */
  public static ResourceRef account(String accountId) {
    return new ResourceRef(
        accountId, GLOBAL_REGION, ACCOUNT_TYPE, accountId, "arn:aws:::" + accountId);
  }

  /** The account in one region (practices 15, 19, 26). */
  public static ResourceRef accountRegion(String accountId, String region) {
    return new ResourceRef(accountId, region, ACCOUNT_TYPE, accountId, "arn:aws:::" + accountId);
  }

  /**
   * The canonical resource key {@code accountId/region/resourceType/resourceId}: the Kafka key and
   * the state key of everything that concerns this resource.
   */
  public String key() {
    return ResourceKey.of(accountId, region, resourceType, resourceId).format();
  }
}
