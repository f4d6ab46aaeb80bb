package io.compliancestreams.streams.practices.kms;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.time.Instant;
import java.util.Optional;

/** An {@code AWS::KMS::Key} item. */
record KmsKey(ConfigurationItem item, ItemReader config) {

  static KmsKey of(ConfigurationItem item) {
    return new KmsKey(item, ItemReader.configuration(item).requiredObject());
  }

  /** True for an AWS managed key ({@code keyManager} AWS), false for a customer managed one. */
  boolean awsManaged() {
    return config.field("keyManager").requiredText().equals("AWS");
  }

  /** Enabled, Disabled, PendingDeletion, PendingReplicaDeletion, …. */
  String state() {
    return config.field("keyState").requiredText();
  }

  /** The recorded deletion date, as ISO text or epoch milliseconds; anything else reads as none. */
  Optional<String> deletionDate() {
    var date = config.field("deletionDate").node();
    if (date.isTextual() && !date.asText().isBlank()) {
      return Optional.of(date.asText());
    }
    if (date.isIntegralNumber()) {
      return Optional.of(Instant.ofEpochMilli(date.longValue()).toString());
    }
    return Optional.empty();
  }
}
