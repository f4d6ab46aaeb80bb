package io.compliancestreams.app.cli;

/** Exit codes shared by all commands (documented in the README). */
final class ExitCodes {
  /** Everything went well (and nothing matched --fail-on). */
  static final int OK = 0;
  /** A finding matched --fail-on (for CI pipelines). */
  static final int FINDINGS = 1;
  /** health: the instance answered with another status than 200, or not at all. */
  static final int UNHEALTHY = 1;
  /** The input or the configuration was invalid; the message says where. */
  static final int INPUT_ERROR = 2;
  /** A component failed at run time (broker unreachable, AWS error that stopped the command). */
  static final int RUNTIME_ERROR = 3;

  private ExitCodes() {}
}
