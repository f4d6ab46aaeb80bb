package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.UserIdentity;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.ComplianceStreamsApp;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The topology on a real broker with exactly-once: exact deltas, and a restart that resumes. */
class StreamsPipelineTest {

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static StreamsSettings settings(Topics topics, String appId) throws Exception {
    StreamsSettings base = StreamsSettings.defaults(broker.bootstrapServers(),
        Files.createTempDirectory("streams-it").toString());
    return new StreamsSettings(appId, base.bootstrapServers(), topics, 3, (short) 1,
        base.processingGuarantee(), base.stateDir(), base.commitInterval(), base.recheckPoll(),
        base.scopeDebounce(), base.eventDedupeWindow(), base.serdeConfig(), true, null, null);
  }

  private static ResourceSnapshot fixture(int practice, String file) {
    return SnapshotRecords.of(PracticeFixtures.load(practice, file).items().get(0));
  }

  private static String line(FindingDelta d) {
    return d.getPractice() + " " + d.getResourceKey() + " " + d.getChangeKind() + " "
        + d.getPreviousStatus() + "->" + d.getNewStatus() + " #" + d.getSequence();
  }

  @Test
  void shouldEmitExactlyTheExpectedDeltasForAScriptedSequence() throws Exception {
    Topics topics = new Topics("it1.");
    ResourceSnapshot encrypted = fixture(10, "pass-sse-s3-default.json");
    ResourceSnapshot unencrypted = ResourceSnapshot.newBuilder(
            SnapshotRecords.later(encrypted, Instant.parse("2026-06-01T02:00:00Z")))
        .setSupplementaryConfiguration(fixture(10, "fail-no-encryption-rule.json").getSupplementaryConfiguration())
        .build();
    try (ComplianceStreamsApp app = new ComplianceStreamsApp(settings(topics, "it-" + UUID.randomUUID()),
            PracticeCatalogue.all()).start();
        PipelineKafka kafka = new PipelineKafka(broker, topics.deltas())) {
      assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
      long t = Instant.parse("2026-06-01T01:00:00Z").toEpochMilli();
      kafka.send(topics.snapshots(), encrypted, t);
      kafka.send(topics.snapshots(), encrypted, t + 1000);           // identical: nothing
      kafka.send(topics.snapshots(), unencrypted, t + 3_600_000);     // regression
      kafka.send(topics.snapshots(), SnapshotRecords.deleted(unencrypted, Instant.parse("2026-06-01T03:00:00Z")),
          t + 7_200_000);                                            // closed
      ResourceSnapshot kmsKey = fixture(25, "pass-enabled-customer-key.json");
      kafka.send(topics.snapshots(), kmsKey, t);                     // NEW PASS
      kafka.send(topics.cloudTrail(), scheduleKeyDeletion(kmsKey, "evt-1", t + 60_000), t + 60_000);
      kafka.send(topics.cloudTrail(), scheduleKeyDeletion(kmsKey, "evt-1", t + 60_000), t + 60_000); // duplicate

      List<FindingDelta> deltas = new ArrayList<>();
      await("the deltas of practices 10 and 25").atMost(Duration.ofSeconds(60)).until(() -> {
        deltas.addAll(kafka.poll());
        return deltas.stream().filter(d -> d.getPractice() == 10).count() >= 3
            && deltas.stream().filter(d -> d.getPractice() == 25).count() >= 2;
      });
      kafka.drainDeltas(deltas, Duration.ofSeconds(2));
      String key = SnapshotRecords.key(encrypted);
      List<FindingDelta> bucket10 = deltas.stream().filter(d -> d.getPractice() == 10).toList();
      assertThat(bucket10).extracting(StreamsPipelineTest::line).containsExactly(
          "10 " + key + " NEW null->PASS #1",
          "10 " + key + " REGRESSED PASS->FAIL #2",
          "10 " + key + " CLOSED FAIL->null #3");
      FindingDelta regression = bucket10.get(1);
      assertThat(regression.getControlId()).isEqualTo("S3.4");
      assertThat(regression.getAccountId()).isEqualTo(encrypted.getAccountId());
      assertThat(regression.getRegion()).isEqualTo(encrypted.getAwsRegion());
      assertThat(regression.getResourceArn()).isEqualTo(encrypted.getArn());
      assertThat(regression.getEvaluatedAt()).isEqualTo(Instant.ofEpochMilli(t + 3_600_000));
      assertThat(deltas.stream().filter(d -> d.getPractice() == 25)).extracting(StreamsPipelineTest::line)
          .containsExactly(
              "25 " + SnapshotRecords.key(kmsKey) + " NEW null->PASS #1",
              "25 " + SnapshotRecords.key(kmsKey) + " REGRESSED PASS->FAIL #2");
      assertThat(deltas).extracting(FindingDelta::getDeltaId).doesNotHaveDuplicates();
    }
  }

  /** A ScheduleKeyDeletion call as CloudTrail records it (request keyId, response keyState). */
  private static CloudTrailEvent scheduleKeyDeletion(ResourceSnapshot key, String eventId, long time) {
    String request = "{\"keyId\":\"" + key.getResourceId() + "\",\"pendingWindowInDays\":7}";
    String response = "{\"keyId\":\"" + key.getArn() + "\",\"keyState\":\"PendingDeletion\","
        + "\"deletionDate\":\"Jun 8, 2026, 12:00:00 AM\"}";
    return CloudTrailEvent.newBuilder()
        .setEventId(eventId)
        .setEventTime(Instant.ofEpochMilli(time))
        .setEventSource("kms.amazonaws.com")
        .setEventName("ScheduleKeyDeletion")
        .setAwsRegion(key.getAwsRegion())
        .setRecipientAccountId(key.getAccountId())
        .setUserIdentity(UserIdentity.newBuilder().setType("IAMUser").setArn("arn:aws:iam::"
            + key.getAccountId() + ":user/ops").setUserName("ops").setAccountId(key.getAccountId())
            .setPrincipalId("AIDAEXAMPLE").build())
        .setSourceIPAddress("198.51.100.7")
        .setReadOnly(false)
        .setErrorCode(null)
        .setErrorMessage(null)
        .setRequestParameters(request)
        .setResponseElements(response)
        .setRawRecord("{}")
        .build();
  }

  @Test
  void shouldResumeAfterARestartWithNoDuplicateAndNoMissingDelta() throws Exception {
    Topics topics = new Topics("it2.");
    StreamsSettings settings = settings(topics, "it-" + UUID.randomUUID());
    List<ResourceSnapshot> buckets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ResourceSnapshot base = fixture(10, i % 2 == 0 ? "pass-sse-s3-default.json" : "fail-no-encryption-rule.json");
      String name = "bucket-" + i;
      buckets.add(ResourceSnapshot.newBuilder(base).setResourceId(name).setResourceName(name)
          .setArn("arn:aws:s3:::" + name).build());
    }
    long t = Instant.parse("2026-06-01T01:00:00Z").toEpochMilli();
    List<FindingDelta> deltas = new ArrayList<>();
    try (PipelineKafka kafka = new PipelineKafka(broker, topics.deltas())) {
      try (ComplianceStreamsApp first = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start()) {
        assertThat(first.awaitRunning(Duration.ofSeconds(60))).isTrue();
        buckets.subList(0, 10).forEach(b -> kafka.send(topics.snapshots(), b, t));
        await("first half evaluated").atMost(Duration.ofSeconds(60)).until(() -> {
          deltas.addAll(kafka.poll());
          return deltas.stream().filter(d -> d.getPractice() == 10).count() >= 10;
        });
      }
      // Sent while no instance runs; a new instance with the same application id takes over.
      buckets.subList(10, 20).forEach(b -> kafka.send(topics.snapshots(), b, t));
      buckets.subList(0, 10).forEach(b -> kafka.send(topics.snapshots(), b, t + 1000)); // unchanged
      try (ComplianceStreamsApp second = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start()) {
        assertThat(second.awaitRunning(Duration.ofSeconds(60))).isTrue();
        await("second half evaluated").atMost(Duration.ofSeconds(60)).until(() -> {
          deltas.addAll(kafka.poll());
          return deltas.stream().filter(d -> d.getPractice() == 10).count() >= 20;
        });
        kafka.drainDeltas(deltas, Duration.ofSeconds(3));
        assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
    }
    List<FindingDelta> practice10 = deltas.stream().filter(d -> d.getPractice() == 10).toList();
    assertThat(practice10).hasSize(20);
    assertThat(practice10).extracting(FindingDelta::getDeltaId).doesNotHaveDuplicates();
    assertThat(practice10).allSatisfy(d -> assertThat(d.getChangeKind()).isEqualTo(ChangeKind.NEW));
    assertThat(practice10.stream().filter(d -> d.getNewStatus() == FindingStatus.FAIL)).hasSize(10);
    assertThat(deltas).extracting(FindingDelta::getDeltaId).doesNotHaveDuplicates();
  }
}
