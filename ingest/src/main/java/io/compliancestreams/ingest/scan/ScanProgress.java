package io.compliancestreams.ingest.scan;

/**
 * Callbacks for a progress display. Called from the scan's worker threads, so implementations
 * must be thread-safe; they should return quickly.
 */
public interface ScanProgress {

  /** Does nothing. */
  ScanProgress NONE = new ScanProgress() {};

  /** {@code count} more scopes are now known (called once per account, after its regions are known). */
  default void scopesPlanned(int count) {}

  default void scopeStarted(Scope scope) {}

  default void scopeFinished(Scope scope, Outcome outcome) {}

  /** How a scope ended. */
  enum Outcome { SUCCEEDED, FAILED }
}
