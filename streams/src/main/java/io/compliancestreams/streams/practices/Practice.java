package io.compliancestreams.streams.practices;

import java.util.List;

/**
 * One security practice: metadata and a pure evaluation.
 *
 * <p>{@link #evaluate} must be deterministic (same input, same output), must not mutate its input,
 * and must not perform I/O or read the clock. It may throw on malformed input; the engine turns
 * that into an ERROR evaluation for this practice only.
 */
public interface Practice {

  PracticeMetadata metadata();

  /** Evaluates one scope; see {@link ScopeInput} for what the scope holds. */
  List<Evaluation> evaluate(ScopeInput input);

  /** Shorthand for {@code metadata().number()}. */
  default int number() {
    return metadata().number();
  }
}
