package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ScopeInput;
import java.util.List;
import java.util.Optional;

/** Picks the one account-wide extension snapshot of a type from an account-scoped input. */
final class AccountSnapshot {

  private AccountSnapshot() {}

  /**
   * The single snapshot of {@code type} in this account, or empty when none has arrived yet. Two
   * would mean two collectors disagree on the key (e.g. region labels), which we refuse to guess.
   */
  static Optional<ConfigurationItem> of(ScopeInput input, String type) {
    List<ConfigurationItem> items = input.itemsOfType(type);
    if (items.size() > 1) {
      throw new IllegalStateException(
          "expected one " + type + " snapshot, found " + items.size() + ": "
              + items.stream().map(ConfigurationItem::key).toList());
    }
    return items.stream().findFirst();
  }

  /** Like {@link #of} but the snapshot is needed to decide anything. */
  static ConfigurationItem required(ScopeInput input, String type) {
    return of(input, type)
        .orElseThrow(
            () -> new IllegalStateException("no " + type + " snapshot for this account yet"));
  }
}
