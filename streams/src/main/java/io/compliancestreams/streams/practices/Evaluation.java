package io.compliancestreams.streams.practices;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of one practice on one resource.
 *
 * @param practice the practice number (1–26)
 * @param resource what the finding is about
 * @param reason names the offending element, or says why it passes
 * @param recheckAt when time alone may change this status (a key turning 90 days old, a runtime
 *     reaching its deprecation date), or null when only new input can change it
 */
public record Evaluation(
    int practice, ResourceRef resource, Status status, String reason, Instant recheckAt) {

  public Evaluation {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  public static Evaluation pass(int practice, ResourceRef resource, String reason) {
    return new Evaluation(practice, resource, Status.PASS, reason, null);
  }

  public static Evaluation fail(int practice, ResourceRef resource, String reason) {
    return new Evaluation(practice, resource, Status.FAIL, reason, null);
  }

  public static Evaluation notApplicable(int practice, ResourceRef resource, String reason) {
    return new Evaluation(practice, resource, Status.NOT_APPLICABLE, reason, null);
  }

  public static Evaluation error(int practice, ResourceRef resource, String reason) {
    return new Evaluation(practice, resource, Status.ERROR, reason, null);
  }

  /** A copy that asks to be re-evaluated at {@code instant}. */
  public Evaluation withRecheckAt(Instant instant) {
    return new Evaluation(practice, resource, status, reason, instant);
  }
}
