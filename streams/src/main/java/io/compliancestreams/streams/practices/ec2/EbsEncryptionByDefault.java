package io.compliancestreams.streams.practices.ec2;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/** An {@value Ec2Types#EBS_ENCRYPTION_BY_DEFAULT} snapshot: GetEbsEncryptionByDefault's answer. */
final class EbsEncryptionByDefault {

  private final ConfigurationItem item;
  private final ItemReader config;

  private EbsEncryptionByDefault(ConfigurationItem item) {
    this.item = item;
    this.config = ItemReader.configuration(item).requiredObject();
  }

  static EbsEncryptionByDefault of(ConfigurationItem item) {
    return new EbsEncryptionByDefault(item);
  }

  ConfigurationItem item() {
    return item;
  }

  boolean enabled() {
    return config.field("EbsEncryptionByDefault").requiredLenientBool();
  }

  Optional<String> kmsKeyId() {
    return config.field("KmsKeyId").text();
  }
}
