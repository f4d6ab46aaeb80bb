package io.compliancestreams.streams.findings;

/**
 * What caused an evaluation: a snapshot (with its configuration state id), a CloudTrail event
 * (with its event id), the clock, or a suppression change.
 */
public record Trigger(Kind kind, String snapshotStateId, String eventId) {

  /** The kinds of causes. */
  public enum Kind { SNAPSHOT, EVENT, TIMER, SUPPRESSION }

  public static Trigger snapshot(String configurationStateId) {
    return new Trigger(Kind.SNAPSHOT, configurationStateId, null);
  }

  public static Trigger event(String eventId) {
    return new Trigger(Kind.EVENT, null, eventId);
  }

  public static Trigger timer() {
    return new Trigger(Kind.TIMER, null, null);
  }

  public static Trigger suppression() {
    return new Trigger(Kind.SUPPRESSION, null, null);
  }
}
