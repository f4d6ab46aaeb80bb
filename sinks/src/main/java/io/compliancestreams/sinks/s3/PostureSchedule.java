package io.compliancestreams.sinks.s3;

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

  /**
   * The run after the one due at {@code due}, or after {@code now} if that is later. The executor's
   * timer may fire a little before the wall clock reaches {@code due}; the next run must still be
   * the next day's.
   */
  Instant after(Instant due, Instant now) {
    return nextAfter(due.isAfter(now) ? due : now);
  }
}
