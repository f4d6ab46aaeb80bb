package io.compliancestreams.streams.practices.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.util.ArrayList;
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
  static boolean isUnset(JsonNode configuration) {
    return configuration == null
        || configuration.isMissingNode()
        || configuration.isNull()
        || (configuration.isObject() && configuration.isEmpty());
  }

  /**
   * The flags that are not {@code true}. A flag that is absent or null counts as off: a
   * PutPublicAccessBlock replaces all four and unspecified flags become false.
   *
   * @param where names the configuration in error messages
   * @throws MalformedItemException when the configuration is not an object or a flag is not a
   *     boolean
   */
  static List<String> notEnabled(JsonNode configuration, String where) {
    if (!configuration.isObject()) {
      throw new MalformedItemException(where, "expected an object, got " + configuration.getNodeType());
    }
    List<String> off = new ArrayList<>();
    for (String name : NAMES) {
      JsonNode flag = configuration.path(name);
      if (flag.isMissingNode() || flag.isNull()) {
        off.add(name);
      } else if (!flag.isBoolean()) {
        throw new MalformedItemException(
            where + "." + name, "expected a boolean, got " + flag.getNodeType() + " " + flag);
      } else if (!flag.booleanValue()) {
        off.add(name);
      }
    }
    return off;
  }

  /** "blockPublicAcls, restrictPublicBuckets" for reasons. */
  static String describeOff(List<String> off) {
    return String.join(", ", off);
  }
}
