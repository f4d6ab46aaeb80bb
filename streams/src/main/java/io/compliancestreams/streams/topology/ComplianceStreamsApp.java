package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.practices.Practice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns {@link KafkaStreams}: creates topics if asked, starts, reports state, and stops cleanly.
 * Never wipes local state on start: restoring from the changelog is Kafka Streams' job.
 */
public final class ComplianceStreamsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ComplianceStreamsApp.class);

  private final StreamsSettings settings;
  private final KafkaStreams streams;
  private final CountDownLatch running = new CountDownLatch(1);

  public ComplianceStreamsApp(StreamsSettings settings, List<Practice> practices) {
    this.settings = settings;
    this.streams = new KafkaStreams(new ComplianceTopology(settings, practices).build(), settings.toProperties());
    streams.setStateListener((next, previous) -> {
      LOG.info("streams state {} -> {}", previous, next);
      if (next == KafkaStreams.State.RUNNING) {
        running.countDown();
      }
    });
    // A bug in one record must not take the whole instance down for good: replace the thread, the
    // record is retried from the last commit (exactly-once keeps outputs consistent).
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
  }

  /** Creates missing topics (unless disabled) and starts processing. */
  public ComplianceStreamsApp start() {
    new TopicCreator(settings).ensureTopics();
    streams.start();
    return this;
  }

  /** Waits until the application is RUNNING; false on timeout. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public StreamsSettings settings() {
    return settings;
  }

  /**
   * Stops cleanly and leaves the consumer group, so another instance takes the partitions over at
   * once instead of after the session timeout.
   */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
  }
}
