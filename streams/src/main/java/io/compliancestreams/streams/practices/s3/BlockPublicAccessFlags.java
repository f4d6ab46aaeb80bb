package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.streams.practices.ItemReader;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.util.List;

/**
 * Reads the four Block Public Access flags in AWS Config's camelCase shape (the same for the
 * account item's configuration and a bucket's supplementary configuration).
 */
final class BlockPublicAccessFlags {

  /** The four flags, in the order AWS documents them. */
  static final List<String> NAMES =
      List.of("blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets");

  private BlockPublicAccessFlags() {}

  /** True when there is no configuration at all (absent, JSON null, or an empty object). */
  static boolean isUnset(ItemReader configuration) {
    return !configuration.isPresent()
        || (configuration.node().isObject() && configuration.node().isEmpty());
  }

  /**
   * The flags that are not {@code true}. A flag that is absent or null counts as off: a
   * PutPublicAccessBlock replaces all four and unspecified flags become false.
   *
   * @throws MalformedItemException when the configuration is not an object or a flag is not a
   *     boolean
   */
  static List<String> notEnabled(ItemReader configuration) {
    configuration.requiredObject();
    return NAMES.stream().filter(name -> !configuration.field(name).bool().orElse(false)).toList();
  }

  /** "blockPublicAcls, restrictPublicBuckets" for reasons. */
  static String describeOff(List<String> off) {
    return String.join(", ", off);
  }
}
