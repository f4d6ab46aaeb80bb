package io.compliancestreams.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PostureScheduleTest {

  private final PostureSchedule at0005 = new PostureSchedule(LocalTime.of(0, 5));

  @Test
  void shouldRunLaterTodayWhenTheTimeHasNotPassed() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T00:04:00Z"), ZoneId.of("UTC"));

    assertThat(at0005.nextAfter(clock.instant())).isEqualTo(Instant.parse("2025-03-01T00:05:00Z"));
  }

  @Test
  void shouldRunTomorrowWhenTheTimeHasPassed() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T13:00:00Z"), ZoneId.of("UTC"));

    assertThat(at0005.nextAfter(clock.instant())).isEqualTo(Instant.parse("2025-03-02T00:05:00Z"));
  }

  @Test
  void shouldRunTomorrowWhenExactlyAtTheTime() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T00:05:00Z"), ZoneId.of("UTC"));

    assertThat(at0005.nextAfter(clock.instant())).isEqualTo(Instant.parse("2025-03-02T00:05:00Z"));
  }

  @Test
  void shouldScheduleTheNextDayWhenTheTimerFiredARunEarly() {
    Instant due = Instant.parse("2025-03-01T00:05:00Z");
    Clock slightlyBehind = Clock.fixed(due.minusMillis(100), ZoneId.of("UTC"));

    assertThat(at0005.after(due, slightlyBehind.instant())).isEqualTo(Instant.parse("2025-03-02T00:05:00Z"));
  }

  @Test
  void shouldScheduleTheNextRunFromNowWhenARunTookLong() {
    Instant due = Instant.parse("2025-03-01T00:05:00Z");
    Clock twoDaysLater = Clock.fixed(Instant.parse("2025-03-03T01:00:00Z"), ZoneId.of("UTC"));

    assertThat(at0005.after(due, twoDaysLater.instant())).isEqualTo(Instant.parse("2025-03-04T00:05:00Z"));
  }

  @Test
  void shouldReadTheTimeInUtcWhateverTheClockZone() {
    Clock auckland = Clock.fixed(Instant.parse("2025-03-01T23:30:00Z"), ZoneId.of("Pacific/Auckland"));

    assertThat(new PostureSchedule(LocalTime.of(23, 45)).nextAfter(auckland.instant()))
        .isEqualTo(Instant.parse("2025-03-01T23:45:00Z"));
  }

  @Test
  void shouldNameTheObjectByTheUtcDay() {
    assertThat(PostureSnapshot.key("audit", PostureSnapshot.day(Instant.parse("2025-03-01T23:30:00Z"))))
        .isEqualTo("audit/posture/dt=2025-03-01/posture.jsonl.gz");
    assertThat(PostureSnapshot.key("", PostureSnapshot.day(Instant.parse("2025-03-02T00:00:00Z"))))
        .isEqualTo("posture/dt=2025-03-02/posture.jsonl.gz");
  }
}
