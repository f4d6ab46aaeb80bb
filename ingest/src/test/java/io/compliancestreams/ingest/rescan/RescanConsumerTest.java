package io.compliancestreams.ingest.rescan;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.publish.FakePublisher;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class RescanConsumerTest {

  private static final String TOPIC = "compliance.rescan.request.v1";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  private static final String ACCOUNT = "111122223333";
  private static final String BUCKET = "AWS::S3::Bucket";

  private final MockConsumer<String, RescanRequest> consumer = new MockConsumer<>("earliest");
  private final FakePublisher publisher = new FakePublisher();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private final FakeBucketCollector collector = new FakeBucketCollector(Set.of("audit-logs"));
  private AwsClients clients;
  private RescanConsumer rescans;
  private long offset;

  @BeforeEach
  void setUp() {
    // Never called: the fake collector reads no AWS API.
    clients = AwsClients.create(AwsSettings.emulator(URI.create("http://127.0.0.1:9"),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("unused", "unused"))), "eu-west-1",
        new CallCounter());
    rescans = new RescanConsumer(consumer, TOPIC, List.of(collector),
        (account, region) -> new CollectContext(account, region, clients, clock, null, SnapshotSource.SCAN),
        publisher, Duration.ofSeconds(2), clock);
    consumer.rebalance(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void shouldCoalesceABurstIntoOneCollectCall() {
    for (int i = 0; i < 3; i++) {
      request("audit-logs", "cloudtrail:s3.amazonaws.com/PutBucketEncryption");
      rescans.step();
      clock.advance(Duration.ofMillis(500));
    }
    assertThat(collector.calls).as("window still open").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    rescans.step();

    assertThat(collector.calls).containsExactly("collectOne eu-west-1 audit-logs");
    assertThat(publisher.snapshots).singleElement().satisfies(s -> {
      assertThat(SnapshotBuilder.keyOf(s)).isEqualTo("111122223333/eu-west-1/AWS::S3::Bucket/audit-logs");
      assertThat(s.getSource()).isEqualTo(SnapshotSource.RESCAN);
      assertThat(s.getConfigurationItemStatus()).isEqualTo(ConfigurationItemStatus.OK);
    });
    assertThat(consumer.committed(Set.of(PARTITION))).containsEntry(PARTITION, new OffsetAndMetadata(3));
  }

  @Test
  void shouldPublishADeletionWhenTheNamedResourceIsGone() {
    request("old-bucket", "cloudtrail:s3.amazonaws.com/DeleteBucket");
    rescans.step();
    clock.advance(Duration.ofSeconds(2));
    rescans.step();

    assertThat(collector.calls).containsExactly("collectOne eu-west-1 old-bucket");
    assertThat(publisher.snapshots).singleElement().satisfies(s -> {
      assertThat(SnapshotBuilder.keyOf(s)).isEqualTo("111122223333/eu-west-1/AWS::S3::Bucket/old-bucket");
      assertThat(s.getConfigurationItemStatus()).isEqualTo(ConfigurationItemStatus.ResourceDeleted);
      assertThat(s.getConfiguration()).isEqualTo("null");
      assertThat(s.getSource()).isEqualTo(SnapshotSource.RESCAN);
      assertThat(s.getScanId()).isEqualTo("rescan-req-0");
      assertThat(s.getCaptureTime()).isEqualTo(clock.instant());
    });
  }

  @Test
  void shouldNeverReportADeletionForAnAccountItCannotReach() {
    rescans = new RescanConsumer(consumer, TOPIC, List.of(collector),
        (account, region) -> {
          throw new RescanAccounts.UnreachableAccountException("account " + account + " is out of reach");
        },
        publisher, Duration.ofSeconds(2), clock);
    request("old-bucket", "cloudtrail:s3.amazonaws.com/DeleteBucket");
    rescans.step();
    clock.advance(Duration.ofSeconds(2));
    rescans.step();

    assertThat(collector.calls).isEmpty();
    assertThat(publisher.snapshots).as("no ResourceDeleted from the wrong credentials").isEmpty();
    assertThat(consumer.committed(Set.of(PARTITION))).containsEntry(PARTITION, new OffsetAndMetadata(1));
  }

  @Test
  void shouldCollectTheWholeScopeForARequestWithoutResourceId() {
    request(null, "cloudtrail:ec2.amazonaws.com/RunInstances");
    rescans.step();
    clock.advance(Duration.ofSeconds(2));
    rescans.step();

    assertThat(collector.calls).containsExactly("collect eu-west-1");
    assertThat(publisher.snapshots).extracting(ResourceSnapshot::getResourceId).containsExactly("audit-logs");
  }

  @Test
  void shouldNotCommitBeforeThePublishesAreAcknowledged() {
    publisher.holdAcks();
    request("audit-logs", "cloudtrail:s3.amazonaws.com/PutBucketEncryption");
    rescans.step();
    clock.advance(Duration.ofSeconds(2));
    Thread stepper = new Thread(rescans::step);
    stepper.start();

    org.awaitility.Awaitility.await().until(() -> publisher.heldAcks() == 1);
    assertThat(consumer.committed(Set.of(PARTITION))).isEmpty();
    publisher.ackAll();
    org.awaitility.Awaitility.await().until(() -> !stepper.isAlive());
    assertThat(consumer.committed(Set.of(PARTITION))).containsEntry(PARTITION, new OffsetAndMetadata(1));
  }

  @Test
  void shouldKeepRunningAndReadTheRequestsAgainWhenThePublishFails() {
    publisher.holdAcks();
    request("audit-logs", "cloudtrail:s3.amazonaws.com/PutBucketEncryption");
    rescans.step();
    clock.advance(Duration.ofSeconds(2));
    Thread stepper = new Thread(rescans::step);
    stepper.start();
    org.awaitility.Awaitility.await().until(() -> publisher.heldAcks() == 1);

    publisher.failAll(new IllegalStateException("schema registry answered 401: Unauthorized"));
    org.awaitility.Awaitility.await().until(() -> !stepper.isAlive());

    assertThat(consumer.committed(Set.of(PARTITION))).as("nothing committed").isEmpty();
    assertThat(consumer.position(PARTITION)).as("rewound to read the request again").isZero();
    // The thread goes on: the request read again is published once the publisher recovers.
    request("audit-logs", "cloudtrail:s3.amazonaws.com/PutBucketEncryption");
    rescans.step();
    clock.advance(Duration.ofSeconds(4));
    rescans.step();
    assertThat(consumer.committed(Set.of(PARTITION))).containsKey(PARTITION);
  }

  private void request(String resourceId, String reason) {
    String id = "req-" + offset;
    RescanRequest request = RescanRequest.newBuilder().setRequestId(id).setAccountId(ACCOUNT)
        .setRegion("eu-west-1").setResourceType(BUCKET).setResourceId(resourceId).setReason(reason)
        .setRequestedAt(clock.instant()).build();
    consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset++, RescanConsumer.keyOf(request), request));
  }

  /** Knows a fixed set of buckets and records how it was called. */
  private static final class FakeBucketCollector implements Collector {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Set<String> buckets;

    FakeBucketCollector(Set<String> buckets) {
      this.buckets = buckets;
    }

    @Override
    public String name() {
      return "fake.s3.buckets";
    }

    @Override
    public List<String> resourceTypes() {
      return List.of(BUCKET);
    }

    @Override
    public Coverage coverage() {
      return Coverage.REGIONAL;
    }

    @Override
    public void collect(CollectContext context, SnapshotSink sink) {
      calls.add("collect " + context.region());
      buckets.forEach(b -> sink.accept(bucket(context, b)));
    }

    @Override
    public void collectOne(CollectContext context, String resourceId, SnapshotSink sink) {
      calls.add("collectOne " + context.region() + " " + resourceId);
      if (buckets.contains(resourceId)) {
        sink.accept(bucket(context, resourceId));
      }
    }

    private static ResourceSnapshot bucket(CollectContext context, String name) {
      return context.snapshot(context.region(), BUCKET, name).arn("arn:aws:s3:::" + name).name(name)
          .configuration(SnapshotBuilder.JSON.createObjectNode().put("name", name)).build();
    }
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
