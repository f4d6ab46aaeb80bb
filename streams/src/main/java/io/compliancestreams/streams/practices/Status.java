package io.compliancestreams.streams.practices;

/** The outcome of one practice on one resource. */
public enum Status {
  PASS,
  FAIL,
  /** The practice does not apply to this resource (e.g. an unattached policy, a detached volume). */
  NOT_APPLICABLE,
  /** The input was malformed or the practice threw; the reason says which. */
  ERROR
}
