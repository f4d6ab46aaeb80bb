package io.compliancestreams.sinks.slack;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * About one message per second per channel, Slack's documented sustained rate for posting: waits
 * until {@code minInterval} has passed since the previous message to the channel.
 */
final class Pacer {

  private final InstantSource clock;
  private final Sleeper sleeper;
  private final Duration minInterval;
  private Instant last;

  Pacer(InstantSource clock, Sleeper sleeper, Duration minInterval) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.minInterval = minInterval;
  }

  void awaitTurn() throws InterruptedException {
    if (last != null) {
      Duration wait = Duration.between(clock.instant(), last.plus(minInterval));
      if (!wait.isNegative() && !wait.isZero()) {
        sleeper.sleep(wait);
      }
    }
  }

  /** Called after each attempt, successful or not: a failed attempt counts against Slack's limit too. */
  void sent() {
    last = clock.instant();
  }
}
