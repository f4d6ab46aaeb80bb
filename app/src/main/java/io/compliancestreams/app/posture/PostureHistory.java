package io.compliancestreams.app.posture;

import java.time.Instant;

/** Rebuilds the whole posture at a past instant. */
public interface PostureHistory {

  /**
   * @throws NoPostureAtInstant when the stored data does not reach back to {@code asOf}
   * @throws IllegalStateException when the store (S3, Kafka) cannot be read; the message says which
   */
  PostureAsOf at(Instant asOf);
}
