package io.compliancestreams.sinks.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.s3.S3AuditTrailDestination;
import io.compliancestreams.sinks.s3.S3AuditTrailSettings;
import io.compliancestreams.sinks.testkit.AuditObjects;
import io.compliancestreams.sinks.testkit.Deltas;
import io.compliancestreams.sinks.testkit.S3ProxyServer;
import io.compliancestreams.sinks.testkit.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A process dies between uploading an object and committing its offsets; a new process on the same
 * group consumes the batch again. Every delta must be in the trail exactly once, and the object the
 * first process uploaded must be rewritten with identical bytes.
 */
class SinkRunnerCrashRecoveryTest {

  private static final Instant T = Instant.parse("2025-03-01T10:15:30Z");
  private static final StaticCredentialsProvider CREDS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
  private static KafkaBroker kafka;
  private static Topics topics;
  private static S3ProxyServer s3proxy;

  @BeforeAll
  static void startServers() {
    kafka = KafkaBroker.start();
    topics = new Topics(kafka.bootstrapServers());
    s3proxy = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServers() {
    s3proxy.close();
    kafka.close();
  }

  @Test
  void shouldDeliverEveryDeltaExactlyOnceToS3AfterACrashBetweenUploadAndCommit() {
    String topic = topics.fresh("deltas", 1);
    List<FindingDelta> deltas = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      deltas.add(Deltas.failing("f-" + i, 1, T.plusSeconds(i)));
    }
    topics.produce(topic, 0, deltas);
    s3proxy.createBucket("crash");
    S3AuditTrailSettings s3Settings = S3AuditTrailSettings.of("crash", "trail", "eu-west-1")
        .withEndpoint(s3proxy.endpoint(), true)
        .withLimits(3, 1_000_000, Duration.ofHours(1), Duration.ofHours(1));
    S3Client reader = readerFor(s3Settings);
    SinkSettings settings = SinkSettings.of(kafka.bootstrapServers(), topic,
            SinkSettings.groupId("test.", "crash"), SerdeConfig.singleObject())
        .withPollTimeout(Duration.ofMillis(100))
        .withFlushInterval(Duration.ofMinutes(1)) // flushes follow batches only
        .withClientOverrides(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 4));

    // First process: batches of 4; it dies right after the second batch's upload, before the commit.
    AtomicReference<SinkRunner> first = new AtomicReference<>();
    AtomicInteger flushes = new AtomicInteger();
    Destination crashing = new Forwarding(S3AuditTrailDestination.create(s3Settings, CREDS)) {
      @Override
      public void flush(boolean force) throws DeliveryException {
        super.flush(force);
        if (flushes.incrementAndGet() == 2) {
          first.get().halt();
        }
      }
    };
    first.set(new SinkRunner(settings, crashing, new SimpleMeterRegistry(), Clock.systemUTC(), null, () -> 0.5));
    Thread thread = first.get().start();
    await("first process died").until(() -> !thread.isAlive());

    TopicPartition tp = new TopicPartition(topic, 0);
    long committedAtCrash = topics.committed(settings.groupId(), topic, 1).getOrDefault(tp, 0L);
    Map<String, byte[]> atCrash = AuditObjects.raw(reader, "crash");
    List<String> idsAtCrash = AuditObjects.deltaIds(reader, "crash");
    // The crash left records in S3 beyond the committed offset: they will be consumed again.
    assertThat(idsAtCrash.size()).isGreaterThan((int) committedAtCrash);

    // Second process, same group.
    SinkRunner second = new SinkRunner(settings, S3AuditTrailDestination.create(s3Settings, CREDS),
        new SimpleMeterRegistry());
    second.start();
    await("second process consumed everything")
        .until(() -> topics.committed(settings.groupId(), topic, 1).getOrDefault(tp, 0L) >= 9L);
    second.close();

    assertThat(topics.committed(settings.groupId(), topic, 1)).containsEntry(tp, 10L);
    List<String> ids = AuditObjects.deltaIds(reader, "crash");
    assertThat(ids).hasSize(10).doesNotHaveDuplicates()
        .containsExactlyElementsOf(deltas.stream().map(FindingDelta::getDeltaId).toList());
    Map<String, byte[]> after = AuditObjects.raw(reader, "crash");
    atCrash.forEach((key, bytes) -> assertThat(after.get(key)).as("rewritten " + key).isEqualTo(bytes));
  }

  private static S3Client readerFor(S3AuditTrailSettings settings) {
    return S3Client.builder()
        .region(software.amazon.awssdk.regions.Region.of(settings.region()))
        .credentialsProvider(CREDS)
        .forcePathStyle(true)
        .endpointOverride(settings.endpoint())
        .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /** Passes everything to a destination; tests override one method to inject a fault. */
  static class Forwarding implements Destination {
    private final Destination delegate;

    Forwarding(Destination delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public void deliver(SinkRecord record) throws DeliveryException {
      delegate.deliver(record);
    }

    @Override
    public Map<TopicPartition, Long> durableOffsets(Map<TopicPartition, Long> handedOver) {
      return delegate.durableOffsets(handedOver);
    }

    @Override
    public void flush(boolean force) throws DeliveryException {
      delegate.flush(force);
    }

    @Override
    public void onRevoked(Collection<TopicPartition> partitions) {
      delegate.onRevoked(partitions);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
