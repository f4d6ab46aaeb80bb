package io.compliancestreams.sinks.slack;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when told to, and a sleeper that moves it (and remembers the waits). */
final class FakeTime implements InstantSource, Sleeper {

  private Instant now = Instant.parse("2025-03-01T10:20:00Z");
  final List<Duration> sleeps = new ArrayList<>();

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  void advance(Duration d) {
    now = now.plus(d);
  }
}
