package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.Attribution;
import io.compliancestreams.schemas.avro.AttributionCertainty;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.schemas.avro.TriggerKind;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who caused a delta, from real CloudTrail records (test resources cloudtrail/records, see
 * cloudtrail/index.json for their sources): the actor of a decisive call, of the event whose
 * rescan fetched the snapshot (both CERTAIN), or the resource's last event within the window
 * (PROBABLE).
 */
class AttributionTopologyTest {

  private static final String ACCOUNT = "111122223333";
  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private void send(ObjectNode raw, Instant at) {
    CloudTrailEvent event = CloudTrailRecords.avro(raw);
    harness.events.pipeInput(new TestRecord<>(event.getRecipientAccountId() + "/" + event.getAwsRegion(), event, at));
  }

  /** A real record aimed at our bucket; the actor (userIdentity, IP, user agent, event id) as recorded. */
  private static ObjectNode aimedAt(String sample, ResourceSnapshot bucket, Instant time) {
    ObjectNode raw = CloudTrailRecords.sample(sample);
    raw.put("recipientAccountId", bucket.getAccountId());
    raw.put("awsRegion", bucket.getAwsRegion());
    raw.put("eventTime", time.toString());
    raw.with("requestParameters").put("bucketName", bucket.getResourceId());
    return raw;
  }

  private static ResourceSnapshot bucket(String fixture) {
    return TopologyHarness.fixture(11, fixture).get(0);
  }

  @Test
  void shouldNameTheActorOfADecisiveCallAsTheCertainCause() {
    ResourceSnapshot bucket = bucket("pass-all-four-enabled.json");
    harness.send(bucket, T1);
    assertThat(harness.deltasOf(11)).extracting(FindingDelta::getNewStatus).containsExactly(FindingStatus.PASS);

    Instant at = T1.plus(Duration.ofMinutes(5));
    send(aimedAt("s3.amazonaws.com/DeleteBucketPublicAccessBlock-1", bucket, at), at);

    assertThat(harness.deltasOf(11)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.REGRESSED);
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.EVENT);
      assertThat(d.getAttribution()).isEqualTo(Attribution.newBuilder()
          .setCertainty(AttributionCertainty.CERTAIN)
          .setPrincipalArn("arn:aws:sts::111111111111:assumed-role/sample-role-dreamy-yonath/sample-role-brave-yalow-"
              + "role-intelligent-brahmagupta-role-beautiful-keldysh-role-happy-easley-role-bold-buck")
          .setPrincipalType("AssumedRole")
          .setPrincipalAccountId("111111111111")
          .setSessionIssuerArn("arn:aws:iam::111111111111:role/sample-role-dreamy-yonath")
          .setSourceIpAddress("1.2.3.4")
          .setUserAgent("aws-cli/2.13.0 Python/3.11.4 Linux/5.10.0-1234-aws exe/x86_64.ubuntu.22")
          .setEventName("DeleteBucketPublicAccessBlock")
          .setEventSource("s3.amazonaws.com")
          .setEventTime(at)
          .setEventId("12345678-1234-1234-1234-111111111111")
          .build());
    });
  }

  @Test
  void shouldTraceTheSnapshotOfARescanBackToTheEventThatRequestedIt() {
    ResourceSnapshot bucket = bucket("fail-no-bucket-configuration.json");
    send(aimedAt("s3.amazonaws.com/CreateBucket-2", bucket, T1), T1);
    RescanRequest rescan = harness.rescans.readValuesToList().stream()
        .filter(r -> r.getResourceType().equals("AWS::S3::Bucket")).findFirst().orElseThrow();
    assertThat(rescan.getTriggerEventId()).isEqualTo("80486b96-9f31-441e-b4e2-b85a4e520a07");
    assertThat(harness.deltas()).isEmpty(); // CreateBucket is not decisive: the rescan brings the bucket

    // As the ingest rescan consumer publishes it: source RESCAN, scan id "rescan-<requestId>".
    Instant captured = T1.plus(Duration.ofMinutes(2));
    harness.send(ResourceSnapshot.newBuilder(SnapshotRecords.later(bucket, captured))
        .setSource(SnapshotSource.RESCAN).setScanId("rescan-" + rescan.getRequestId()).build(), captured);

    assertThat(harness.deltasOf(11)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.NEW);
      assertThat(d.getNewStatus()).isEqualTo(FindingStatus.FAIL);
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.SNAPSHOT);
      Attribution a = d.getAttribution();
      assertThat(a.getCertainty()).isEqualTo(AttributionCertainty.CERTAIN);
      assertThat(a.getPrincipalArn()).isEqualTo("arn:aws:sts::101010101111:assumed-role/Sandbox_Dev/user");
      assertThat(a.getSessionIssuerArn()).isEqualTo("arn:aws:iam::101010101111:role/Sandbox_Dev");
      assertThat(a.getSourceIpAddress()).isEqualTo("101.244.214.105");
      assertThat(a.getUserAgent()).isEqualTo("[S3Console/0.4]");
      assertThat(a.getEventName()).isEqualTo("CreateBucket");
      assertThat(a.getEventId()).isEqualTo("80486b96-9f31-441e-b4e2-b85a4e520a07");
    });
  }

  @Test
  void shouldNameTheLastEventWithinTheWindowAsTheProbableCauseOfAScannedChange() {
    ResourceSnapshot bucket = bucket("fail-no-bucket-configuration.json");
    send(aimedAt("s3.amazonaws.com/CreateBucket-1", bucket, T1), T1);
    harness.rescans.readValuesToList();

    // A regular scan (not the rescan) sees the new bucket 40 minutes later, within the 1 h default.
    Instant captured = T1.plus(Duration.ofMinutes(40));
    harness.send(SnapshotRecords.later(bucket, captured), captured);

    assertThat(harness.deltasOf(11)).singleElement().satisfies(d -> {
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.SNAPSHOT);
      Attribution a = d.getAttribution();
      assertThat(a.getCertainty()).isEqualTo(AttributionCertainty.PROBABLE);
      assertThat(a.getPrincipalArn()).isEqualTo("arn:aws:iam::619193117841:root");
      assertThat(a.getPrincipalType()).isEqualTo("Root");
      assertThat(a.getSessionIssuerArn()).isNull();
      assertThat(a.getSourceIpAddress()).isEqualTo("204.63.44.148");
      assertThat(a.getUserAgent()).isEqualTo("[S3Console/0.4]");
      assertThat(a.getEventId()).isEqualTo("c4fa3db1-2303-40e4-bde0-3b7246bdbf0b");
    });
  }

  @Test
  void shouldNotAttributeAChangeToAnEventOutsideTheWindow() {
    ResourceSnapshot bucket = bucket("fail-no-bucket-configuration.json");
    send(aimedAt("s3.amazonaws.com/CreateBucket-1", bucket, T1), T1);

    Instant captured = T1.plus(Duration.ofMinutes(61));
    harness.send(SnapshotRecords.later(bucket, captured), captured);

    assertThat(harness.deltasOf(11)).singleElement().satisfies(d -> assertThat(d.getAttribution()).isNull());
  }

  @Test
  void shouldNotAttributeAChangeToAnEventAfterTheCapture() {
    ResourceSnapshot bucket = bucket("fail-no-bucket-configuration.json");
    send(aimedAt("s3.amazonaws.com/CreateBucket-1", bucket, T1), T1);

    Instant captured = T1.minus(Duration.ofMinutes(1)); // the scan read the bucket before the call
    harness.send(SnapshotRecords.later(bucket, captured), T1);

    assertThat(harness.deltasOf(11)).singleElement().satisfies(d -> assertThat(d.getAttribution()).isNull());
  }

  @Test
  void shouldKeepOneEventPerResourceAndForgetItAfterTheWindow() {
    ResourceSnapshot bucket = bucket("fail-no-bucket-configuration.json");
    String key = SnapshotRecords.key(bucket);
    send(aimedAt("s3.amazonaws.com/CreateBucket-1", bucket, T1), T1);
    Instant later = T1.plus(Duration.ofMinutes(3));
    send(aimedAt("s3.amazonaws.com/CreateBucket-2", bucket, later), later);
    assertThat(harness.recentEvents()).containsOnlyKeys(key);
    assertThat(harness.recentEvents().get(key).eventId()).isEqualTo("80486b96-9f31-441e-b4e2-b85a4e520a07");

    // Stream time moves past the window (another resource's snapshot) and the purge runs.
    ResourceSnapshot other = bucket("pass-all-four-enabled.json");
    harness.send(SnapshotRecords.later(other, later.plus(Duration.ofMinutes(61))), later.plus(Duration.ofMinutes(61)));
    harness.tick(Duration.ofMinutes(1));

    assertThat(harness.recentEvents()).isEmpty();
  }

  @Test
  void shouldNameTheActorOfADecisiveAccountLevelCallAsTheCertainCause() {
    harness.sendAll(TopologyHarness.fixture(12, "pass-multi-region-trail-logging.json"), T1);
    harness.tick(Duration.ofSeconds(1));
    harness.deltas();

    Instant at = T1.plus(Duration.ofMinutes(5));
    ObjectNode raw = CloudTrailRecords.sample("cloudtrail.amazonaws.com/StopLogging-1");
    raw.put("recipientAccountId", ACCOUNT);
    raw.put("awsRegion", "us-east-1");
    raw.put("eventTime", at.toString());
    raw.with("requestParameters").put("name", "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events");
    send(raw, at);

    assertThat(harness.deltasOf(12)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.REGRESSED);
      Attribution a = d.getAttribution();
      assertThat(a.getCertainty()).isEqualTo(AttributionCertainty.CERTAIN);
      assertThat(a.getPrincipalArn()).isEqualTo("arn:aws:iam::143434273843:user/christophe");
      assertThat(a.getPrincipalType()).isEqualTo("IAMUser");
      assertThat(a.getSourceIpAddress()).isEqualTo("86.245.153.234");
      assertThat(a.getUserAgent()).isEqualTo("stratus-red-team_c97089f1-1ae3-4ecc-b006-f5e8fd0f2571");
      assertThat(a.getEventId()).isEqualTo("10163ed2-2253-469d-a5ee-cbc6651f8934");
    });
  }
}
