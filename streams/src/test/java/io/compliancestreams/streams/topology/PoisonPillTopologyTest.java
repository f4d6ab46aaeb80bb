package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Poison pills the reliability suite found to harm the topology (docs/reliability.md): each is
 * dead-lettered with its reason, and the resource it names keeps evaluating normally.
 */
class PoisonPillTopologyTest {

  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Instant T2 = Instant.parse("2026-06-01T02:00:00Z");
  private static final Instant YEAR_9999 = Instant.parse("9999-12-31T23:59:59Z");
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ResourceSnapshot unencrypted() {
    return TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);
  }

  /** The same bucket, encrypted, captured at {@code at}. */
  private static ResourceSnapshot encrypted(Instant at) {
    ResourceSnapshot pass = TopologyHarness.fixture(10, "pass-sse-s3-default.json").get(0);
    return SnapshotRecords.later(ResourceSnapshot.newBuilder(unencrypted())
        .setConfiguration(pass.getConfiguration())
        .setSupplementaryConfiguration(pass.getSupplementaryConfiguration()).build(), at);
  }

  private static String reason(TestRecord<String, byte[]> record) {
    return TopologyHarness.header(record, DeadLetterHeaders.REASON);
  }

  /** A valid AWS::IAM::Policy item whose default version's URL-encoded document is about {@code bytes}. */
  static ResourceSnapshot policyOfSize(int bytes) {
    ResourceSnapshot policy = TopologyHarness.fixture(1, "pass-scoped-default-version.json").get(0);
    StringBuilder doc = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int i = 0; doc.length() * 1.6 < bytes; i++) {
      doc.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i)
          .append("\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket-")
          .append(i).append("/*\"}");
    }
    String encoded = URLEncoder.encode(doc.append("]}").toString(), StandardCharsets.UTF_8).replace("+", "%20");
    String config = policy.getConfiguration().replaceFirst("\"document\":\"[^\"]*\"", "\"document\":\"" + encoded + "\"");
    return ResourceSnapshot.newBuilder(policy).setConfiguration(config).build();
  }

  @Test
  void shouldDeadLetterACaptureTimeInTheYear9999AndKeepEvaluatingTheResource() {
    harness.send(unencrypted(), T1);
    harness.send(ResourceSnapshot.newBuilder(encrypted(T1)).setCaptureTime(YEAR_9999).build(), T1);
    harness.send(encrypted(T2), T2);

    List<TestRecord<String, byte[]>> dead = harness.snapshotDlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(reason(dead.get(0))).startsWith("captureTime 9999-12-31T23:59:59Z is more than PT24H ahead of the clock");
    assertThat(harness.deltasOf(10)).extracting(d -> d.getChangeKind().name() + " " + d.getNewStatus())
        .containsExactly("NEW FAIL", "RESOLVED PASS");
  }

  @Test
  void shouldDeadLetterAnEventTimeInTheYear9999() {
    ObjectNode raw = CloudTrailRecords.retarget(CloudTrailRecords.sample("cloudtrail.amazonaws.com/StopLogging-1"),
        "111122223333", "eu-west-1", "evt-9999", YEAR_9999);
    CloudTrailEvent event = CloudTrailRecords.avro(raw);
    harness.events.pipeInput(new TestRecord<>("111122223333/eu-west-1", event, T1));
    List<TestRecord<String, byte[]>> dead = harness.eventDlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(reason(dead.get(0))).startsWith("eventTime 9999-12-31T23:59:59Z is more than PT24H ahead");
    assertThat(harness.rescans.readValuesToList()).isEmpty();
  }

  @Test
  void shouldDeadLetterAFiveMegabytePolicyInsteadOfStoringIt() {
    ResourceSnapshot huge = policyOfSize(5_000_000);
    harness.send(huge, T1);
    harness.send(unencrypted(), T1);

    List<TestRecord<String, byte[]>> dead = harness.snapshotDlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    // Cut to a size every DLQ accepts (issue 17.2); the headers keep the original size.
    assertThat(dead.get(0).value()).hasSize(DeadLetterSize.MAX_VALUE_BYTES);
    assertThat(TopologyHarness.header(dead.get(0), DeadLetterHeaders.TRUNCATED)).isEqualTo("true");
    assertThat(Integer.parseInt(TopologyHarness.header(dead.get(0), DeadLetterHeaders.ORIGINAL_SIZE))).isGreaterThan(5_000_000);
    assertThat(reason(dead.get(0))).matches("record is \\d+ bytes, over the 524288-byte input limit");
    assertThat(harness.deltas()).extracting(FindingDelta::getPractice).contains(10).doesNotContain(1);
  }

  @Test
  void shouldEvaluateAPolicyJustUnderTheLimit() {
    harness.send(policyOfSize(400_000), T1);
    assertThat(harness.snapshotDlq.readRecordsToList()).isEmpty();
    assertThat(harness.deltasOf(1)).extracting(d -> d.getChangeKind().name() + " " + d.getNewStatus())
        .containsExactly("NEW PASS");
  }

  @Test
  void shouldDeadLetterAnEmptyKey() {
    harness.snapshots.pipeInput(new TestRecord<>("", unencrypted(), T1));
    assertThat(harness.snapshotDlq.readRecordsToList()).extracting(PoisonPillTopologyTest::reason)
        .containsExactly("record has no key (expected the canonical resource key)");
  }
}
