package io.compliancestreams.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RetryingPublisherTest {

  private static final ResourceSnapshot SNAPSHOT = SnapshotBuilder.of("123456789012", "global",
      "AWS::IAM::User", "AIDAALICE").capturedAt(Instant.parse("2026-06-01T10:00:00Z")).build();

  @Test
  void shouldSendAgainAfterAFailedEncodingUntilItIsAcknowledged() {
    FailingFirst delegate = new FailingFirst(2, new SerializationException("schema registry answered 503"));

    new RetryingPublisher(delegate, 3, Duration.ofMillis(10)).snapshot(SNAPSHOT).join();

    assertThat(delegate.calls.get()).isEqualTo(3);
  }

  @Test
  void shouldFailWithTheLastErrorAfterTheLastAttempt() {
    FailingFirst delegate = new FailingFirst(5, new SerializationException("schema registry answered 401"));

    assertThatThrownBy(() -> new RetryingPublisher(delegate, 3, Duration.ofMillis(10)).snapshot(SNAPSHOT).join())
        .isInstanceOf(CompletionException.class).hasRootCauseMessage("schema registry answered 401");
    assertThat(delegate.calls.get()).isEqualTo(3);
  }

  @Test
  void shouldNotSendARecordTheBrokerCanNeverAcceptAgain() {
    FailingFirst delegate = new FailingFirst(5, new RecordTooLargeException("too large"));

    assertThatThrownBy(() -> new RetryingPublisher(delegate, 3, Duration.ofMillis(10)).snapshot(SNAPSHOT).join())
        .hasRootCauseInstanceOf(RecordTooLargeException.class);
    assertThat(delegate.calls.get()).isEqualTo(1);
  }

  /** Fails the first {@code failures} sends with {@code error}, then acknowledges. */
  private static final class FailingFirst implements Publisher {
    final AtomicInteger calls = new AtomicInteger();
    private final int failures;
    private final RuntimeException error;

    FailingFirst(int failures, RuntimeException error) {
      this.failures = failures;
      this.error = error;
    }

    @Override
    public CompletableFuture<Void> snapshot(ResourceSnapshot snapshot) {
      return calls.incrementAndGet() <= failures ? CompletableFuture.failedFuture(error)
          : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> event(CloudTrailEvent event) {
      return snapshot(null);
    }

    @Override
    public CompletableFuture<Void> deadLetter(DeadLetter letter) {
      return snapshot(null);
    }
  }
}
