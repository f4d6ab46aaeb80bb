package io.compliancestreams.streams.practices;

import java.util.List;
import java.util.Objects;

/**
 * A CloudTrail call that can change a practice's status.
 *
 * @param eventSource e.g. {@code s3.amazonaws.com}
 * @param eventName the event name; a recorded name matches when it is equal, or equal followed by
 *     an API-version suffix starting with a digit (Lambda's {@code CreateFunction20150331})
 * @param resourceType the type of the snapshot the event affects (the one to rescan)
 * @param locators where to find the affected resource id, tried in order; the first that yields a
 *     value wins
 * @param decisive true when the request alone decides the new status (the state can be patched
 *     at once); false when it only tells that something changed (rescan)
 */
public record EventTrigger(
    String eventSource,
    String eventName,
    String resourceType,
    List<ResourceLocator> locators,
    boolean decisive) {

  public EventTrigger {
    Objects.requireNonNull(eventSource, "eventSource");
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(resourceType, "resourceType");
    locators = List.copyOf(locators);
    if (locators.isEmpty()) {
      throw new IllegalArgumentException(eventName + ": at least one locator");
    }
  }

  /** A trigger that only asks for a rescan of the located resource. */
  public static EventTrigger rescan(
      String eventSource, String eventName, String resourceType, ResourceLocator... locators) {
    return new EventTrigger(eventSource, eventName, resourceType, List.of(locators), false);
  }

  /** A trigger whose request decides the new status at once. */
  public static EventTrigger decisive(
      String eventSource, String eventName, String resourceType, ResourceLocator... locators) {
    return new EventTrigger(eventSource, eventName, resourceType, List.of(locators), true);
  }

  /**
   * True when this trigger matches a CloudTrail record's source and name. Not a plain prefix
   * match: {@code DeleteBucket} must not match {@code DeleteBucketEncryption}.
   */
  public boolean matches(String source, String name) {
    if (!eventSource.equals(source) || name == null || !name.startsWith(eventName)) {
      return false;
    }
    return name.length() == eventName.length() || Character.isDigit(name.charAt(eventName.length()));
  }
}
