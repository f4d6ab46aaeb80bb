package io.compliancestreams.streams.practices.cloudtrail;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/** AWS Config's {@value CloudTrailTypes#TRAIL} item (camelCase configuration). */
record Trail(ConfigurationItem item, ItemReader config) {

  static Trail of(ConfigurationItem item) {
    return new Trail(item, ItemReader.configuration(item));
  }

  Optional<String> homeRegion() {
    return config.field("homeRegion").text();
  }

  Optional<String> trailArn() {
    return config.field("trailARN").text();
  }

  /** The KMS key encrypting the log files; empty (or blank) when SSE-S3 is used. */
  Optional<String> kmsKeyId() {
    return config.field("kmsKeyId").text();
  }

  boolean logFileValidationEnabled() {
    return config.field("logFileValidationEnabled").bool().orElse(false);
  }
}
