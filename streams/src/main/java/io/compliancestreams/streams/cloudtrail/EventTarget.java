package io.compliancestreams.streams.cloudtrail;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A resource an event affects: rescan it, and if {@code decisive}, first try {@link
 * EventPatches#apply} on its stored snapshot.
 *
 * @param resourceType the snapshot type to refresh
 * @param region {@code global} for IAM types and the S3 account setting, else the event's region
 * @param identifier the resource as the event names it, or null for "every resource of this type in
 *     this account and region" (the event does not say which one)
 * @param identifierKind how to resolve {@code identifier}; {@link IdentifierKind#ID} when null
 * @param decisive true when the request alone decides the new state
 * @param practices the numbers of the practices whose triggers matched
 * @param eventName the event that caused it, for reasons and tracing
 */
public record EventTarget(
    String resourceType,
    String accountId,
    String region,
    String identifier,
    IdentifierKind identifierKind,
    boolean decisive,
    Set<Integer> practices,
    String eventName) {

  public EventTarget {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(identifierKind, "identifierKind");
    Objects.requireNonNull(eventName, "eventName");
    // Sorted and unmodifiable, so targets print in a stable order.
    practices = Collections.unmodifiableSortedSet(new TreeSet<>(practices));
  }

  /** True when the event does not name the resource: rescan the whole type in the scope. */
  public boolean scopeLevel() {
    return identifier == null;
  }

  /** The merge key: two targets with the same key are the same resource. */
  String mergeKey() {
    return String.join(
        "|", resourceType, String.valueOf(accountId), region, String.valueOf(identifier));
  }

  EventTarget mergedWith(EventTarget other) {
    Set<Integer> union = new TreeSet<>(practices);
    union.addAll(other.practices);
    return new EventTarget(
        resourceType,
        accountId,
        region,
        identifier,
        identifierKind,
        decisive || other.decisive,
        union,
        eventName);
  }
}
