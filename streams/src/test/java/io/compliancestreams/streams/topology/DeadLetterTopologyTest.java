package io.compliancestreams.streams.topology;

import static io.compliancestreams.streams.topology.TopologyHarness.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input never stops the pipeline: every malformed snapshot lands in the DLQ with its reason. */
class DeadLetterTopologyTest {

  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ResourceSnapshot bucket() {
    return TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);
  }

  private TestRecord<String, byte[]> onlyDeadLetter() {
    List<TestRecord<String, byte[]>> records = harness.snapshotDlq.readRecordsToList();
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  @Test
  void shouldSendRandomBytesToTheDeadLetterTopicWithTheReasonAndSource() {
    byte[] junk = {0x13, 0x37, 0x00, 0x42, 0x7f};
    harness.rawSnapshots.pipeInput(new TestRecord<>("k", junk, T1));
    TestRecord<String, byte[]> dead = onlyDeadLetter();
    assertThat(dead.value()).isEqualTo(junk);
    assertThat(dead.key()).isEqualTo("k");
    assertThat(header(dead, DeadLetterHeaders.REASON)).contains("aws.resource.snapshot.v1");
    assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("aws.resource.snapshot.v1");
    assertThat(header(dead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("io.compliancestreams.schemas.SchemaException");
  }

  @Test
  void shouldDeadLetterARecordWithoutAKey() {
    harness.snapshots.pipeInput(new TestRecord<>((String) null, bucket(), T1));
    assertThat(header(onlyDeadLetter(), DeadLetterHeaders.REASON)).contains("no key");
  }

  @Test
  void shouldDeadLetterAnUnknownResourceType() {
    ResourceSnapshot instance = ResourceSnapshot.newBuilder(bucket()).setResourceType("AWS::EC2::Instance").build();
    harness.send(instance, T1);
    assertThat(header(onlyDeadLetter(), DeadLetterHeaders.REASON))
        .isEqualTo("unknown resource type AWS::EC2::Instance (no practice reads it)");
  }

  @Test
  void shouldDeadLetterAConfigurationThatIsNotJson() {
    ResourceSnapshot broken = ResourceSnapshot.newBuilder(bucket()).setConfiguration("{not json").build();
    harness.send(broken, T1);
    assertThat(header(onlyDeadLetter(), DeadLetterHeaders.REASON)).startsWith("configuration: is not valid JSON");
  }

  @Test
  void shouldDeadLetterAKeyThatIsNotTheCanonicalResourceKey() {
    harness.snapshots.pipeInput(new TestRecord<>("111122223333/eu-west-1/AWS::S3::Bucket/other", bucket(), T1));
    assertThat(header(onlyDeadLetter(), DeadLetterHeaders.REASON)).contains("is not the resource's canonical key");
  }

  @Test
  void shouldProcessTheGoodRecordsAroundAPoisonPill() {
    ResourceSnapshot first = bucket();
    ResourceSnapshot second = TopologyHarness.fixture(10, "pass-sse-s3-default.json").get(0);
    harness.send(first, T1);
    harness.rawSnapshots.pipeInput(new TestRecord<>("k", new byte[] {(byte) 0xC3, 0x01, 1, 2}, T1));
    harness.send(second, T1);
    assertThat(harness.deltasOf(10)).extracting(d -> d.getResourceId())
        .containsExactly(first.getResourceId(), second.getResourceId());
    assertThat(harness.snapshotDlq.readRecordsToList()).hasSize(1);
  }
}
