package io.compliancestreams.streams.cloudtrail;

import java.util.List;
import java.util.Optional;

/** Decides whether an event can have changed anything at all. */
public final class EventRelevance {

  // Older records have no readOnly flag; these API verbs never write.
  private static final List<String> READ_PREFIXES = List.of("Get", "List", "Describe", "Head");

  private EventRelevance() {}

  /** Why the event changes nothing, or empty when it must be routed. */
  public static Optional<String> ignoredBecause(TrailEvent event) {
    if (event.errorCode() != null && !event.errorCode().isBlank()) {
      return Optional.of("failed call (errorCode " + event.errorCode() + ")");
    }
    // A failed console sign-in carries no errorCode, only this response; it used no credential.
    if ("Failure".equals(event.responseElements().path("ConsoleLogin").asText(null))) {
      return Optional.of("failed call (ConsoleLogin Failure)");
    }
    if (Boolean.TRUE.equals(event.readOnly())) {
      return Optional.of("read-only call");
    }
    if (event.readOnly() == null
        && READ_PREFIXES.stream().anyMatch(event.eventName()::startsWith)) {
      return Optional.of("read-only call");
    }
    return Optional.empty();
  }
}
