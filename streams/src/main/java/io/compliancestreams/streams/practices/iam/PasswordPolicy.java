package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/**
 * The {@code PasswordPolicy} of a {@value IamTypes#PASSWORD_POLICY} snapshot
 * (GetAccountPasswordPolicy). Absent flags and numbers read as false and 0, as in the IAM API.
 */
final class PasswordPolicy {

  private final ItemReader policy;

  private PasswordPolicy(ItemReader policy) {
    this.policy = policy;
  }

  /**
   * The account's policy, or empty when the snapshot records none ({@code "PasswordPolicy": null},
   * IAM's NoSuchEntity). A snapshot without the member at all is malformed: "not collected" must not
   * read as "no policy".
   */
  static Optional<PasswordPolicy> of(ConfigurationItem item) {
    ItemReader policy = ItemReader.configuration(item).field("PasswordPolicy");
    if (!policy.exists()) {
      throw policy.malformed("is missing (null is how 'no policy' is recorded)");
    }
    return policy.isPresent()
        ? Optional.of(new PasswordPolicy(policy.object()))
        : Optional.empty();
  }

  /** A Require* flag; absent or null is false. */
  boolean flag(String field) {
    return policy.field(field).bool().orElse(false);
  }

  /** A number such as MinimumPasswordLength; absent or null is 0 (off). */
  int number(String field) {
    return policy.field(field).integer().orElse(0);
  }
}
