package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;

/** An {@value S3Types#ACCOUNT_PUBLIC_ACCESS_BLOCK} item: the account-level flags. */
record AccountPublicAccessBlock(ConfigurationItem item) {

  static AccountPublicAccessBlock of(ConfigurationItem item) {
    return new AccountPublicAccessBlock(item);
  }

  /**
   * The flags, as {@link BlockPublicAccessFlags} reads them. Paths carry the item's key: the
   * account scope may hold copies from several regions.
   */
  ItemReader flags() {
    return ItemReader.keyedConfiguration(item);
  }
}
