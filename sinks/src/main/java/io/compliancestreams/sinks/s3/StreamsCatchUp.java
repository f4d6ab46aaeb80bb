package io.compliancestreams.sinks.s3;

import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;

/**
 * Whether the streams application has caught up with its input, as its consumer group (named by its
 * {@code application.id}) shows it: the end offsets of every input partition the group has committed
 * are taken once, when the snapshot is decided, and the group's committed offsets must reach them
 * within {@code wait}. Fixing the target first means a steady flow of new input (CloudTrail events)
 * cannot keep the snapshot waiting for ever; only what was there at the moment of deciding counts.
 * Under exactly-once the state topic is written in the same transactions that commit those offsets,
 * so once they are reached the state topic holds every finding of that input.
 */
final class StreamsCatchUp {

  /** Records still to process per partition, and in all; empty when caught up. */
  record Lag(Map<TopicPartition, Long> behind) {
    Lag {
      behind = Map.copyOf(behind);
    }

    boolean caughtUp() {
      return behind.isEmpty();
    }

    long total() {
      return behind.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** How often the committed offsets are read again while waiting. */
  static final Duration POLL = Duration.ofMillis(500);

  private final KafkaClientConfig kafka;
  private final String groupId;
  private final Duration wait;
  private final Duration requestTimeout;

  StreamsCatchUp(KafkaClientConfig kafka, String groupId, Duration wait, Duration requestTimeout) {
    this.kafka = kafka;
    this.groupId = groupId;
    this.wait = wait;
    this.requestTimeout = requestTimeout;
  }

  String groupId() {
    return groupId;
  }

  /**
   * Waits until the group's committed offsets reach the end offsets taken now, at most {@code wait};
   * returns what is still behind then.
   *
   * @throws DeliveryException (retryable) when the progress cannot be read: the group has committed
   *     nothing yet (streams never ran), Kafka is unreachable, or the Describe ACL on the group is missing
   */
  Lag await() throws DeliveryException {
    try (Admin admin = Admin.create(kafka.admin(Map.of()))) {
      Map<TopicPartition, Long> committed = committed(admin);
      if (committed.isEmpty()) {
        throw DeliveryException.retryable("streams group " + groupId + " has committed no input offsets yet", null);
      }
      Map<TopicPartition, Long> target = admin.listOffsets(
              committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())),
              new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all().get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      // Elapsed time, not the sink's clock: that one dates the snapshot (and is fixed in tests).
      long deadline = System.nanoTime() + wait.toNanos();
      while (true) {
        Lag lag = lag(target, committed);
        if (lag.caughtUp() || System.nanoTime() - deadline >= 0) {
          return lag;
        }
        Thread.sleep(POLL.toMillis());
        committed = committed(admin);
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof GroupAuthorizationException) {
        throw DeliveryException.retryable("not allowed to describe streams group " + groupId
            + " (Describe on GROUP " + groupId + " is needed, see docs/deployment.md#acls)", null);
      }
      throw DeliveryException.retryable("reading the progress of streams group " + groupId + " failed: "
          + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw DeliveryException.retryable("reading the progress of streams group " + groupId + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retryable("interrupted waiting for streams group " + groupId, e);
    }
  }

  private Map<TopicPartition, Long> committed(Admin admin)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
        .partitionsToOffsetAndMetadata().get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return offsets.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static Lag lag(Map<TopicPartition, Long> target, Map<TopicPartition, Long> committed) {
    return new Lag(target.entrySet().stream()
        .filter(e -> committed.getOrDefault(e.getKey(), 0L) < e.getValue())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L))));
  }
}
