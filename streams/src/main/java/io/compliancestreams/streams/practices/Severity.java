package io.compliancestreams.streams.practices;

/** Severity labels, shared by the article's ratings and Security Hub's. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFORMATIONAL
}
