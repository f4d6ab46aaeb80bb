package io.compliancestreams.streams.practices;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one evaluation of one practice sees.
 *
 * <p>For a {@link Scope#RESOURCE} practice, {@code items} holds exactly one item. For {@link
 * Scope#REGION} and {@link Scope#ACCOUNT} practices it holds every live item of the practice's
 * types in that account and region (or account), in a stable order (by resource key), so the result
 * does not depend on arrival order. Deleted items never reach a practice.
 *
 * @param subject the resource a result is about when the practice cannot name a better one (the
 *     item for resource scope, the account or account-region otherwise); used for ERROR results
 * @param at the evaluation instant: practices never read the clock
 */
public record ScopeInput(
    ResourceRef subject, List<ConfigurationItem> items, Instant at, PracticeParameters parameters) {

  public ScopeInput {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(parameters, "parameters");
    items = List.copyOf(items);
  }

  /** The single item of a resource-scoped evaluation. */
  public ConfigurationItem item() {
    if (items.size() != 1) {
      throw new IllegalStateException("expected one item, got " + items.size());
    }
    return items.get(0);
  }

  /** The items of one type, in input order. */
  public List<ConfigurationItem> itemsOfType(String resourceType) {
    return items.stream().filter(i -> i.resourceType().equals(resourceType)).toList();
  }
}
