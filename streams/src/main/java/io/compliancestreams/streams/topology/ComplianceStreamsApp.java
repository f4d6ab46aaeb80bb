package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.practices.Practice;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns {@link KafkaStreams}: creates topics if asked, starts, reports state, and stops cleanly.
 * Never wipes local state on start: restoring from the changelog is Kafka Streams' job. Also runs
 * the {@link SuppressionAudit} beside it; {@link #state()}, {@link #awaitRunning} and
 * {@link #streams()} are the main application's.
 */
public final class ComplianceStreamsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ComplianceStreamsApp.class);

  private final StreamsSettings settings;
  private final KafkaStreams streams;
  private final KafkaStreams audit;
  private final CountDownLatch running = new CountDownLatch(1);
  private final CompletableFuture<Throwable> refused = new CompletableFuture<>();
  private final ThreadReplacements streamsReplacements = new ThreadReplacements("stream", Clock.systemUTC());
  private final ThreadReplacements auditReplacements =
      new ThreadReplacements("suppression audit", Clock.systemUTC());

  public ComplianceStreamsApp(StreamsSettings settings, List<Practice> practices) {
    this.settings = settings;
    this.streams = new KafkaStreams(new ComplianceTopology(settings, practices).build(), settings.toProperties());
    SuppressionAudit suppressionAudit = new SuppressionAudit(settings);
    this.audit = new KafkaStreams(suppressionAudit.build(), suppressionAudit.properties());
    watch(streams, "streams", running::countDown, streamsReplacements, refused);
    watch(audit, "suppression audit", () -> { }, auditReplacements, refused);
  }

  private static void watch(KafkaStreams instance, String name, Runnable onRunning, ThreadReplacements replacements,
      CompletableFuture<Throwable> refused) {
    instance.setStateListener((next, previous) -> {
      LOG.info("{} state {} -> {}", name, previous, next);
      if (next == KafkaStreams.State.RUNNING) {
        onRunning.run();
      }
    });
    // A bug in one record must not take the whole instance down for good: replace the thread, the
    // record is retried from the last commit (exactly-once keeps outputs consistent). A thread
    // that keeps failing is counted, so that health reports it (ThreadReplacements).
    instance.setUncaughtExceptionHandler(e -> {
      // A refused login or a missing ACL fails every replacement thread the same way: a retry
      // loop nobody would read. Stop this instance and let the command say which ACL is missing.
      if (accessRefusal(e)) {
        LOG.debug("{} refused by Kafka; shutting down", name, e);
        refused.complete(e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      }
      replacements.record(e);
      LOG.error("{} thread failed; replacing it", name, e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
  }

  /** The consumer groups of the application and its suppression audit, both named after the application id. */
  public static List<String> consumerGroups(StreamsSettings settings) {
    return List.of(settings.applicationId(), settings.applicationId() + SuppressionAudit.APPLICATION_ID_SUFFIX);
  }

  private static boolean accessRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthorizationException || t instanceof AuthenticationException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Completes with the exception when Kafka refused this application (a missing ACL, a login no
   * longer accepted): the instance that met it has shut down. Never completes otherwise.
   */
  public CompletableFuture<Throwable> refused() {
    return refused;
  }

  /** Creates missing topics (unless disabled) and starts processing, then the suppression audit. */
  public ComplianceStreamsApp start() {
    new TopicCreator(settings).ensureTopics();
    streams.start();
    audit.start();
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

  /**
   * Why this instance is unhealthy although it may report RUNNING: a stream thread (of the main
   * application or the suppression audit) that keeps being replaced; empty when all is well.
   */
  public Optional<String> problem() {
    return streamsReplacements.problem().or(auditReplacements::problem);
  }

  /** Stream threads replaced since start, main application and suppression audit together. */
  public long threadReplacements() {
    return streamsReplacements.total() + auditReplacements.total();
  }

  public StreamsSettings settings() {
    return settings;
  }

  /**
   * Stops the audit, then the application, cleanly; each leaves its consumer group, so another
   * instance takes the partitions over at once instead of after the session timeout.
   */
  @Override
  public void close() {
    try {
      audit.close(leaveGroup());
    } finally {
      streams.close(leaveGroup());
    }
  }

  private static CloseOptions leaveGroup() {
    return CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30));
  }
}
