package io.compliancestreams.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Drains one SQS queue at least once: long-polls a batch, hands each message to a handler whose
 * future completes when the broker acknowledged everything made from it, and only then deletes the
 * message. While a message is being handled (a large log file), its visibility timeout is extended
 * so no other consumer receives it meanwhile. A handler failure leaves the message in the queue:
 * SQS redelivers it, and its redrive policy parks it after maxReceiveCount tries.
 *
 * <p>Handlers decide what is malformed: they dead-letter it and complete normally, so the message
 * is deleted and never blocks the queue.
 */
public final class SqsQueuePoller implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SqsQueuePoller.class);

  private final SqsClient sqs;
  private final Settings settings;
  private final MessageHandler handler;
  private final ScheduledExecutorService background;
  private final AtomicBoolean running = new AtomicBoolean(true);

  public SqsQueuePoller(SqsClient sqs, Settings settings, MessageHandler handler) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.handler = Objects.requireNonNull(handler, "handler");
    AtomicInteger threads = new AtomicInteger();
    // Deletes and heartbeats run here, never on the producer's I/O thread that completes the acks.
    this.background = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "sqs-poller-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Turns one message into published records; the future completes when all are acknowledged. */
  @FunctionalInterface
  public interface MessageHandler {
    CompletableFuture<Void> handle(Message message, String queueUrl);
  }

  /**
   * @param waitTimeSeconds long-poll wait (SQS maximum 20)
   * @param maxMessages messages per receive (SQS maximum 10)
   * @param visibilityTimeout how long a received message stays hidden; extended every half of it
   *     while its handling is in progress
   */
  public record Settings(String queueUrl, int waitTimeSeconds, int maxMessages, Duration visibilityTimeout) {

    public Settings {
      Objects.requireNonNull(queueUrl, "queueUrl");
      if (waitTimeSeconds < 0 || waitTimeSeconds > 20) {
        throw new IllegalArgumentException("waitTimeSeconds must be 0..20, got " + waitTimeSeconds);
      }
      if (maxMessages < 1 || maxMessages > 10) {
        throw new IllegalArgumentException("maxMessages must be 1..10, got " + maxMessages);
      }
      if (visibilityTimeout.toSeconds() < 2 || visibilityTimeout.toHours() >= 12) {
        throw new IllegalArgumentException("visibilityTimeout must be 2 s .. 12 h, got " + visibilityTimeout);
      }
    }

    /** Long polling 20 s, 10 messages, 2 minutes of visibility. */
    public static Settings defaults(String queueUrl) {
      return new Settings(queueUrl, 20, 10, Duration.ofMinutes(2));
    }

    public Settings withVisibilityTimeout(Duration value) {
      return new Settings(queueUrl, waitTimeSeconds, maxMessages, value);
    }
  }

  /** What one receive gave. */
  public record Batch(int received, int deleted, int failed) {}

  /**
   * Receives one batch and dispatches it. The handling (parsing, S3 reads) runs on the calling
   * thread; the returned future completes once every message is deleted or known failed.
   */
  public CompletableFuture<Batch> pollOnce() {
    List<Message> messages = sqs.receiveMessage(r -> r
        .queueUrl(settings.queueUrl())
        .waitTimeSeconds(settings.waitTimeSeconds())
        .maxNumberOfMessages(settings.maxMessages())
        .visibilityTimeout((int) settings.visibilityTimeout().toSeconds())
        .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount"))
        .messages();
    AtomicInteger deleted = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<Void>> done = new ArrayList<>(messages.size());
    for (Message message : messages) {
      ScheduledFuture<?> heartbeat = keepInvisible(message);
      CompletableFuture<Void> handled;
      try {
        handled = handler.handle(message, settings.queueUrl());
      } catch (RuntimeException e) {
        handled = CompletableFuture.failedFuture(e);
      }
      done.add(handled
          .whenComplete((ok, error) -> heartbeat.cancel(false))
          .thenRunAsync(() -> {
            delete(message);
            deleted.incrementAndGet();
          }, background)
          .exceptionally(error -> {
            failed.incrementAndGet();
            LOG.error("Message {} of {} not deleted (SQS will redeliver it): {}",
                message.messageId(), settings.queueUrl(), error.toString());
            return null;
          }));
    }
    return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
        .thenApply(v -> new Batch(messages.size(), deleted.get(), failed.get()));
  }

  /** Polls until {@link #close()}; each batch is settled before the next receive (bounded in-flight). */
  @Override
  public void run() {
    while (running.get()) {
      try {
        pollOnce().join();
      } catch (RuntimeException e) {
        if (!running.get()) {
          return;
        }
        // Receive failures (throttling, network) are retried by the SDK first; then back off a little.
        LOG.error("Receiving from {} failed: {}", settings.queueUrl(), e.toString());
        sleepQuietly(Duration.ofSeconds(5));
      }
    }
  }

  private ScheduledFuture<?> keepInvisible(Message message) {
    long every = Math.max(1, settings.visibilityTimeout().toSeconds() / 2);
    return background.scheduleAtFixedRate(() -> {
      try {
        sqs.changeMessageVisibility(r -> r.queueUrl(settings.queueUrl())
            .receiptHandle(message.receiptHandle())
            .visibilityTimeout((int) settings.visibilityTimeout().toSeconds()));
      } catch (RuntimeException e) {
        // The worst case is a duplicate delivery, which the topology absorbs by eventId.
        LOG.warn("Could not extend visibility of message {}: {}", message.messageId(), e.toString());
      }
    }, every, every, TimeUnit.SECONDS);
  }

  private void delete(Message message) {
    sqs.deleteMessage(r -> r.queueUrl(settings.queueUrl()).receiptHandle(message.receiptHandle()));
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
    background.shutdown();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
