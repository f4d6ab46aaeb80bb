package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.TriggerKind;
import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CloudTrail fast path: filtering, de-duplication, rescans, and decisive patches. */
class CloudTrailTopologyTest {

  private static final String ACCOUNT = "111122223333";
  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Instant T2 = Instant.parse("2026-06-01T02:00:00Z");
  private static final Instant T3 = Instant.parse("2026-06-01T03:00:00Z");
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private void send(ObjectNode raw, Instant at) {
    CloudTrailEvent event = CloudTrailRecords.avro(raw);
    harness.events.pipeInput(new TestRecord<>(event.getRecipientAccountId() + "/" + event.getAwsRegion(), event, at));
  }

  private static ObjectNode stopLogging(String eventId, Instant time) {
    ObjectNode raw = CloudTrailRecords.retarget(CloudTrailRecords.sample("cloudtrail.amazonaws.com/StopLogging-1"),
        ACCOUNT, "us-east-1", eventId, time);
    raw.with("requestParameters").put("name", "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events");
    return raw;
  }

  private static ObjectNode scheduleKeyDeletion(String keyId, String eventId, Instant time) {
    ObjectNode raw = CloudTrailRecords.retarget(CloudTrailRecords.sample("kms.amazonaws.com/DisableKey-3"),
        ACCOUNT, "eu-west-1", eventId, time);
    raw.put("eventName", "ScheduleKeyDeletion");
    raw.remove("errorCode"); // the sample is a failed DisableKey; this one succeeded
    raw.remove("resources");
    ObjectNode request = raw.putObject("requestParameters");
    request.put("keyId", keyId);
    request.put("pendingWindowInDays", 7);
    ObjectNode response = raw.putObject("responseElements");
    response.put("keyId", "arn:aws:kms:eu-west-1:111122223333:key/" + keyId);
    response.put("keyState", "PendingDeletion");
    response.put("deletionDate", "Jun 8, 2026, 12:00:00 AM");
    return raw;
  }

  @Test
  void shouldReportAKmsKeyScheduledForDeletionAtOnceAndLetTheRescanConfirmItSilently() {
    ResourceSnapshot key = TopologyHarness.fixture(25, "pass-enabled-customer-key.json").get(0);
    harness.send(key, T1);
    assertThat(harness.deltasOf(25)).extracting(FindingDelta::getNewStatus).containsExactly(FindingStatus.PASS);

    send(scheduleKeyDeletion(key.getResourceId(), "evt-1", T2), T2);
    List<FindingDelta> regression = harness.deltasOf(25);
    assertThat(regression).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.REGRESSED);
      assertThat(d.getResourceKey()).isEqualTo(SnapshotRecords.key(key));
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.EVENT);
      assertThat(d.getTrigger().getEventId()).isEqualTo("evt-1");
      assertThat(d.getReason()).contains("is scheduled for deletion");
    });
    List<RescanRequest> rescans = harness.rescans.readValuesToList();
    assertThat(rescans).anySatisfy(r -> {
      assertThat(r.getResourceType()).isEqualTo("AWS::KMS::Key");
      assertThat(r.getResourceId()).isEqualTo(key.getResourceId());
      assertThat(r.getTriggerEventId()).isEqualTo("evt-1");
    });

    // The collector's authoritative snapshot confirms the patched state: no second delta.
    String confirmed = key.getConfiguration().replace("\"Enabled\"", "\"PendingDeletion\"");
    harness.send(ResourceSnapshot.newBuilder(SnapshotRecords.later(key, T3)).setConfiguration(confirmed).build(), T3);
    assertThat(harness.deltasOf(25)).isEmpty();
  }

  @Test
  void shouldProcessADuplicateEventOnlyOnce() {
    ResourceSnapshot key = TopologyHarness.fixture(25, "pass-enabled-customer-key.json").get(0);
    harness.send(key, T1);
    harness.deltas();
    send(scheduleKeyDeletion(key.getResourceId(), "evt-dup", T2), T2);
    send(scheduleKeyDeletion(key.getResourceId(), "evt-dup", T2), T2);
    assertThat(harness.deltasOf(25)).hasSize(1);
    assertThat(harness.rescans.readValuesToList()).filteredOn(r -> r.getResourceType().equals("AWS::KMS::Key"))
        .hasSize(1);
  }

  @Test
  void shouldDropFailedAndReadOnlyCalls() {
    ObjectNode failed = stopLogging("evt-failed", T2);
    failed.put("errorCode", "AccessDenied");
    send(failed, T2);
    ObjectNode readOnly = stopLogging("evt-ro", T2);
    readOnly.put("eventName", "DescribeTrails");
    readOnly.put("readOnly", true);
    send(readOnly, T2);
    assertThat(harness.rescans.readValuesToList()).isEmpty();
    assertThat(harness.deltas()).isEmpty();
  }

  @Test
  void shouldReportAStoppedMultiRegionTrailAtOnceWithoutWaitingForTheDebounce() {
    harness.sendAll(TopologyHarness.fixture(12, "pass-multi-region-trail-logging.json"), T1);
    harness.tick(Duration.ofSeconds(1));
    assertThat(harness.deltasOf(12)).extracting(FindingDelta::getNewStatus).containsExactly(FindingStatus.PASS);

    send(stopLogging("evt-stop", T2), T2);
    assertThat(harness.deltasOf(12)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.REGRESSED);
      assertThat(d.getResourceType()).isEqualTo("AWS::::Account");
      assertThat(d.getAccountId()).isEqualTo(ACCOUNT);
      assertThat(d.getTrigger().getEventId()).isEqualTo("evt-stop");
    });
  }

  @Test
  void shouldSendAnUnreadableEventToTheDeadLetterTopic() {
    harness.rawEvents.pipeInput(new TestRecord<>(ACCOUNT + "/us-east-1", "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8), T1));
    List<TestRecord<String, byte[]>> dead = harness.eventDlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
        .contains("aws.cloudtrail.event.v1");
  }
}
