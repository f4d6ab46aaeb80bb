package io.compliancestreams.app.posture;

import java.time.Instant;
import java.util.Optional;

/** The data kept does not reach back to the instant asked for; the message is the one line to show. */
public final class NoPostureAtInstant extends RuntimeException {

  private final transient Instant earliest;

  NoPostureAtInstant(String message, Instant earliest) {
    super(message);
    this.earliest = earliest;
  }

  /** The earliest instant a posture can be rebuilt for, when there is one. */
  public Optional<Instant> earliest() {
    return Optional.ofNullable(earliest);
  }
}
