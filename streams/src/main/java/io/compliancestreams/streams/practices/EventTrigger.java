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
 * @param decisive true when the request alone decides the new status (the state can be patched at
 *     once); false when it only tells that something changed (rescan)
 * @param identityType the caller's {@code userIdentity.type} this trigger is limited to (e.g.
 *     {@code Root}), or null for any caller: the same call can mean different things depending on
 *     who makes it (CreateAccessKey without a user name creates the caller's own key)
 */
public record EventTrigger(
    String eventSource,
    String eventName,
    String resourceType,
    List<ResourceLocator> locators,
    boolean decisive,
    String identityType) {

  public EventTrigger {
    Objects.requireNonNull(eventSource, "eventSource");
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(resourceType, "resourceType");
    locators = List.copyOf(locators);
    if (locators.isEmpty()) {
      throw new IllegalArgumentException(eventName + ": at least one locator");
    }
    if (identityType != null && identityType.isBlank()) {
      throw new IllegalArgumentException(eventName + ": blank identity type");
    }
  }

  /** A trigger for any caller. */
  public EventTrigger(
      String eventSource,
      String eventName,
      String resourceType,
      List<ResourceLocator> locators,
      boolean decisive) {
    this(eventSource, eventName, resourceType, locators, decisive, null);
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

  /** A copy limited to calls made by this {@code userIdentity.type} (e.g. {@code Root}). */
  public EventTrigger byIdentityType(String type) {
    Objects.requireNonNull(type, "type");
    return new EventTrigger(eventSource, eventName, resourceType, locators, decisive, type);
  }

  /**
   * True when this trigger matches a CloudTrail record's source, name and caller type. A trigger
   * limited to an identity type never matches an unknown (null) caller type.
   */
  public boolean matches(String source, String name, String callerIdentityType) {
    if (identityType != null && !identityType.equals(callerIdentityType)) {
      return false;
    }
    return matches(source, name);
  }

  /**
   * True when this trigger matches a CloudTrail record's source and name, whoever the caller. Not a
   * plain prefix match: {@code DeleteBucket} must not match {@code DeleteBucketEncryption}.
   */
  public boolean matches(String source, String name) {
    if (!eventSource.equals(source) || name == null || !name.startsWith(eventName)) {
      return false;
    }
    return name.length() == eventName.length()
        || Character.isDigit(name.charAt(eventName.length()));
  }
}
