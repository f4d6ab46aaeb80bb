package io.compliancestreams.streams.findings;

/**
 * What caused an evaluation: a snapshot (with its configuration state id), a CloudTrail event
 * (with its event id), the clock, or a suppression change; and, when a CloudTrail event is known to
 * have caused it or probably did, who made that call ({@code attribution}, else null).
 */
public record Trigger(Kind kind, String snapshotStateId, String eventId, Attribution attribution) {

  /** The kinds of causes. */
  public enum Kind { SNAPSHOT, EVENT, TIMER, SUPPRESSION }

  public static Trigger snapshot(String configurationStateId) {
    return new Trigger(Kind.SNAPSHOT, configurationStateId, null, null);
  }

  /** A decisive CloudTrail call, re-evaluated at once: its actor is the certain cause. */
  public static Trigger event(Attribution actor) {
    return new Trigger(Kind.EVENT, null, actor.eventId(), actor.withCertainty(Attribution.Certainty.CERTAIN));
  }

  public static Trigger timer() {
    return new Trigger(Kind.TIMER, null, null, null);
  }

  public static Trigger suppression() {
    return new Trigger(Kind.SUPPRESSION, null, null, null);
  }

  /** The same cause with this actor (null: none known). */
  public Trigger withAttribution(Attribution value) {
    return new Trigger(kind, snapshotStateId, eventId, value);
  }
}
