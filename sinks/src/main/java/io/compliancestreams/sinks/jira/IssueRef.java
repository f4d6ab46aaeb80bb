package io.compliancestreams.sinks.jira;

import java.util.Optional;

/**
 * What the compacted map remembers per finding: the issue and the sequence of the last delta
 * applied to it, stored as {@code issueKey|lastSequence}, so a replayed delta is recognised.
 */
record IssueRef(String key, long lastSequence) {

  String encode() {
    return key + "|" + lastSequence;
  }

  static Optional<IssueRef> decode(String value) {
    int bar = value.lastIndexOf('|');
    if (bar <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new IssueRef(value.substring(0, bar), Long.parseLong(value.substring(bar + 1))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
