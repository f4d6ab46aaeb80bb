package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;

/** An {@value S3Types#ACCOUNT_PUBLIC_ACCESS_BLOCK} item: the account-level flags. */
final class AccountPublicAccessBlock {

  private final ConfigurationItem item;

  private AccountPublicAccessBlock(ConfigurationItem item) {
    this.item = item;
  }

  static AccountPublicAccessBlock of(ConfigurationItem item) {
    return new AccountPublicAccessBlock(item);
  }

  ConfigurationItem item() {
    return item;
  }

  /**
   * The flags, as {@link BlockPublicAccessFlags} reads them. Paths carry the item's key: the
   * account scope may hold copies from several regions.
   */
  ItemReader flags() {
    return ItemReader.keyedConfiguration(item);
  }
}
