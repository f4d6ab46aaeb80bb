package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** The health rule: three stream-thread replacements within five minutes make an instance unhealthy. */
class ThreadReplacementsTest {

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-06-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final ThreadReplacements replacements = new ThreadReplacements("stream", clock);

  private static Throwable sendFailure() {
    return new StreamsException("Error encountered sending record",
        new RecordTooLargeException("The message is 10486825 bytes when serialized"));
  }

  @Test
  void shouldStayHealthyAfterTwoReplacements() {
    replacements.record(sendFailure());
    clock.advance(Duration.ofMinutes(1));
    replacements.record(sendFailure());
    assertThat(replacements.problem()).isEmpty();
    assertThat(replacements.total()).isEqualTo(2);
  }

  @Test
  void shouldReportTheThirdReplacementWithinFiveMinutesNamingTheRootCause() {
    for (int i = 0; i < 3; i++) {
      replacements.record(sendFailure());
      clock.advance(Duration.ofSeconds(40));
    }
    assertThat(replacements.problem()).contains("stream thread replaced 3 times in the last 5 min: "
        + "org.apache.kafka.common.errors.RecordTooLargeException");
  }

  @Test
  void shouldBeHealthyAgainOnceTheReplacementsLeaveTheWindow() {
    for (int i = 0; i < 3; i++) {
      replacements.record(sendFailure());
    }
    clock.advance(Duration.ofMinutes(5));
    assertThat(replacements.problem()).isEmpty();
    assertThat(replacements.total()).isEqualTo(3);
  }

  @Test
  void shouldNotCountReplacementsSpreadOverMoreThanTheWindow() {
    for (int i = 0; i < 6; i++) {
      replacements.record(new IllegalStateException("one-off"));
      clock.advance(Duration.ofMinutes(3));
    }
    assertThat(replacements.problem()).isEmpty();
    assertThat(replacements.total()).isEqualTo(6);
  }
}
