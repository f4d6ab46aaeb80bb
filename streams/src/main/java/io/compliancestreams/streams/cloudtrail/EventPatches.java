package io.compliancestreams.streams.cloudtrail;

/** TEMPORARY stub until the cloudtrail branch lands. */
public final class EventPatches {
  public java.util.Optional<io.compliancestreams.streams.practices.ConfigurationItem> apply(
      io.compliancestreams.streams.practices.ConfigurationItem current, TrailEvent event) {
    return java.util.Optional.empty();
  }
}
