package io.compliancestreams.sinks.runner;

import java.time.Duration;

/** Waits between attempts; tests inject one that records the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;
}
