package io.compliancestreams.streams.findings;

/** Why a delta was emitted. */
public enum ChangeKind {
  /** The first evaluation of a finding (PASS, FAIL or ERROR). */
  NEW,
  /** PASS → FAIL. */
  REGRESSED,
  /** FAIL → PASS. */
  RESOLVED,
  /** The resource was deleted or the practice no longer applies to it. */
  CLOSED,
  /** Any other status change, i.e. to or from ERROR. */
  CHANGED
}
