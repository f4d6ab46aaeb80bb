package io.compliancestreams.streams.practices.ec2;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/** An {@value Ec2Types#EBS_ENCRYPTION_BY_DEFAULT} snapshot: GetEbsEncryptionByDefault's answer. */
record EbsEncryptionByDefault(ConfigurationItem item, ItemReader config) {

  static EbsEncryptionByDefault of(ConfigurationItem item) {
    return new EbsEncryptionByDefault(item, ItemReader.configuration(item).requiredObject());
  }

  boolean enabled() {
    return config.field("EbsEncryptionByDefault").requiredLenientBool();
  }

  Optional<String> kmsKeyId() {
    return config.field("KmsKeyId").text();
  }
}
