package io.compliancestreams.sinks.s3;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/** When the daily posture snapshot runs: once a day at {@code time}, UTC. */
record PostureSchedule(LocalTime time) {

  PostureSchedule {
    Objects.requireNonNull(time, "time");
  }

  /** The first run strictly after {@code now}: today at {@code time}, or tomorrow if that has passed. */
  Instant nextAfter(Instant now) {
    ZonedDateTime today = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(time).atZone(ZoneOffset.UTC);
    return today.toInstant().isAfter(now) ? today.toInstant() : today.plusDays(1).toInstant();
  }

  Duration untilNext(Instant now) {
    return Duration.between(now, nextAfter(now));
  }
}
