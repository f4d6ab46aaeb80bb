package io.compliancestreams.streams.cloudtrail;

import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.ResourceLocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps an event to the resources it affects, from the practices' {@link EventTrigger}s. Pure and
 * stateless; build one per practice list.
 */
public final class EventRouter {

  private final List<Practice> practices;

  public EventRouter(List<Practice> practices) {
    this.practices = List.copyOf(practices);
  }

  /**
   * The affected resources, merged per (type, account, region, identifier); empty for an event that
   * cannot change anything ({@link EventRelevance}) or that no practice listens to.
   */
  public List<EventTarget> route(TrailEvent event) {
    if (EventRelevance.ignoredBecause(event).isPresent()) {
      return List.of();
    }
    Map<String, EventTarget> merged = new LinkedHashMap<>();
    for (Practice practice : practices) {
      for (EventTrigger trigger : practice.metadata().events()) {
        if (trigger.matches(event.eventSource(), event.eventName(), event.userIdentity().type())) {
          for (EventTarget target : targetsOf(trigger, practice.number(), event)) {
            merged.merge(target.mergeKey(), target, EventTarget::mergedWith);
          }
        }
      }
    }
    return List.copyOf(merged.values());
  }

  private static List<EventTarget> targetsOf(EventTrigger trigger, int practice, TrailEvent event) {
    String region = TargetRegion.of(trigger.resourceType(), regionOf(event));
    for (ResourceLocator locator : trigger.locators()) {
      List<LocatorResolver.Located> found =
          LocatorResolver.resolve(locator, trigger.resourceType(), event);
      if (!found.isEmpty()) {
        List<EventTarget> out = new ArrayList<>();
        for (LocatorResolver.Located located : found) {
          out.add(target(trigger, practice, event, region, located.identifier(), located.kind()));
        }
        return out;
      }
    }
    // The event does not say which resource: rescan them all rather than miss the change.
    return List.of(target(trigger, practice, event, region, null, IdentifierKind.ID));
  }

  private static EventTarget target(
      EventTrigger trigger,
      int practice,
      TrailEvent event,
      String region,
      String identifier,
      IdentifierKind kind) {
    return new EventTarget(
        trigger.resourceType(),
        event.recipientAccountId(),
        region,
        identifier,
        kind,
        trigger.decisive(),
        Set.of(practice),
        event.eventName());
  }

  private static String regionOf(TrailEvent event) {
    // A record without a region can only be keyed globally; such records are not AWS's own.
    return event.awsRegion() == null || event.awsRegion().isBlank()
        ? TargetRegion.GLOBAL
        : event.awsRegion();
  }
}
