package io.compliancestreams.sinks.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.sinks.runner.RetryingDelivery.Outcome;
import io.compliancestreams.sinks.testkit.Deltas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryingDeliveryTest {

  private static final Instant T = Instant.parse("2025-03-01T10:15:30Z");
  private static final RetrySettings RETRY = new RetrySettings(4, Duration.ofMillis(100), Duration.ofMillis(300), 2.0);
  private static final SinkRecord RECORD =
      new SinkRecord("deltas", 0, 42, "f-1", Deltas.failing("f-1", 1, T));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Duration> sleeps = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private Sleeper sleeper = sleeps::add;

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void shouldRetryWithBackoffThenDeliver() {
    FailingDestination dest = new FailingDestination(
        DeliveryException.retryable("503 Service Unavailable", null),
        DeliveryException.retryable("503 Service Unavailable", null));

    Outcome outcome = delivery(dest).deliver(RECORD);

    assertThat(outcome).isEqualTo(Outcome.delivered(3));
    // jitter pinned to 1.0: the ceilings 100 then 200 ms
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(dest.delivered).containsExactly(RECORD);
    assertThat(count("failed")).isEqualTo(2);
    assertThat(count("retried")).isEqualTo(2);
    assertThat(count("delivered")).isEqualTo(1);
    assertThat(registry.get("compliance.sink.delivery.latency").timer().totalTime(
        java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(60.0);
  }

  @Test
  void shouldWaitWhatRetryAfterSays() {
    FailingDestination dest = new FailingDestination(
        DeliveryException.retryAfter("429 Too Many Requests", Duration.ofSeconds(7)));

    assertThat(delivery(dest).deliver(RECORD)).isEqualTo(Outcome.delivered(2));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void shouldDeadLetterWithTheCauseWhenTheAttemptsAreUsedUp() {
    SocketTimeoutException timeout = new SocketTimeoutException("read timed out");
    FailingDestination dest = new FailingDestination(
        DeliveryException.retryable("timeout 1", timeout), DeliveryException.retryable("timeout 2", timeout),
        DeliveryException.retryable("timeout 3", timeout), DeliveryException.retryable("timeout 4", timeout));

    Outcome outcome = delivery(dest).deliver(RECORD);

    assertThat(outcome).isEqualTo(Outcome.deadLetter(4, "timeout 4", SocketTimeoutException.class.getName()));
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    assertThat(dest.delivered).isEmpty();
    assertThat(count("failed")).isEqualTo(4);
    assertThat(count("retried")).isEqualTo(3);
  }

  @Test
  void shouldDeadLetterAPermanentFailureAtOnce() {
    FailingDestination dest = new FailingDestination(DeliveryException.permanent("400 invalid_blocks", null));

    Outcome outcome = delivery(dest).deliver(RECORD);

    assertThat(outcome).isEqualTo(Outcome.deadLetter(1, "400 invalid_blocks", DeliveryException.class.getName()));
    assertThat(sleeps).isEmpty();
    assertThat(count("retried")).isZero();
  }

  @Test
  void shouldDeadLetterWhenTheDestinationThrows() {
    Destination throwing = new FailingDestination() {
      @Override
      public void deliver(SinkRecord record) {
        throw new IllegalStateException("bug in the destination");
      }
    };

    assertThat(delivery(throwing).deliver(RECORD))
        .isEqualTo(Outcome.deadLetter(1, "bug in the destination", IllegalStateException.class.getName()));
  }

  @Test
  void shouldStopRetryingWhenAStopIsRequestedDuringTheWait() {
    sleeper = wait -> {
      sleeps.add(wait);
      stop.set(true);
    };
    FailingDestination dest = new FailingDestination(
        DeliveryException.retryable("503", null), DeliveryException.retryable("503", null));

    assertThat(delivery(dest).deliver(RECORD)).isEqualTo(Outcome.stopped(1));
    assertThat(dest.delivered).isEmpty();
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void shouldNotWaitAtAllWhenAlreadyStopping() {
    stop.set(true);
    FailingDestination dest = new FailingDestination(DeliveryException.retryable("503", null));

    assertThat(delivery(dest).deliver(RECORD)).isEqualTo(Outcome.stopped(1));
    assertThat(sleeps).isEmpty();
    assertThat(count("retried")).isZero();
  }

  @Test
  void shouldTreatAnInterruptedWaitAsAStopAndKeepTheInterrupt() {
    sleeper = wait -> {
      throw new InterruptedException();
    };
    FailingDestination dest = new FailingDestination(DeliveryException.retryable("503", null));

    assertThat(delivery(dest).deliver(RECORD)).isEqualTo(Outcome.stopped(1));
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void shouldRetryAFlushUntilItWorks() {
    FailingDestination dest = new FailingDestination(
        DeliveryException.retryable("s3 down", null), DeliveryException.retryable("s3 down", null),
        DeliveryException.retryable("s3 down", null), DeliveryException.retryable("s3 down", null),
        DeliveryException.retryable("s3 down", null));

    assertThat(delivery(dest).flush()).isTrue();
    // more failures than maxAttempts: a flush has no record to dead-letter, it keeps trying
    assertThat(sleeps).hasSize(5);
    assertThat(dest.softFlushes).isEqualTo(1);
  }

  @Test
  void shouldGiveUpAFlushWhenStopping() {
    stop.set(true);
    FailingDestination dest = new FailingDestination(DeliveryException.retryable("s3 down", null));

    assertThat(delivery(dest).flush()).isFalse();
    assertThat(dest.softFlushes).isZero();
  }

  private RetryingDelivery delivery(Destination dest) {
    Clock oneMinuteLater = Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC);
    return new RetryingDelivery(dest, RETRY, new Backoff(RETRY, () -> 1.0), wait -> sleeper.sleep(wait),
        new SinkMetrics(registry, "test"), oneMinuteLater, stop::get);
  }

  private double count(String name) {
    return registry.get("compliance.sink." + name).tag("sink", "test").counter().count();
  }

  /** Fails each call (delivery or flush) with the next scripted failure, then succeeds. */
  static class FailingDestination implements Destination {
    private final List<DeliveryException> failures;
    final List<SinkRecord> delivered = new ArrayList<>();
    int softFlushes;

    FailingDestination(DeliveryException... failures) {
      this.failures = new ArrayList<>(List.of(failures));
    }

    @Override
    public String name() {
      return "test";
    }

    @Override
    public void deliver(SinkRecord record) throws DeliveryException {
      failNext();
      delivered.add(record);
    }

    @Override
    public void flush(boolean force) throws DeliveryException {
      failNext();
      softFlushes++;
    }

    private void failNext() throws DeliveryException {
      if (!failures.isEmpty()) {
        throw failures.remove(0);
      }
    }
  }
}
