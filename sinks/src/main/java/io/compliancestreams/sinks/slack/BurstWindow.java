package io.compliancestreams.sinks.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Counts the messages a channel was given (sent or digested) within a sliding window. */
final class BurstWindow {

  private final Duration window;
  private final Deque<Instant> seen = new ArrayDeque<>();

  BurstWindow(Duration window) {
    this.window = window;
  }

  void add(Instant at) {
    seen.addLast(at);
  }

  int count(Instant now) {
    Instant cutoff = now.minus(window);
    while (!seen.isEmpty() && !seen.peekFirst().isAfter(cutoff)) {
      seen.removeFirst();
    }
    return seen.size();
  }
}
