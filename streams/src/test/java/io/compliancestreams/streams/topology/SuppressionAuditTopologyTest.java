package io.compliancestreams.streams.topology;

import static io.compliancestreams.streams.topology.TopologyHarness.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suppression audit dead-letters exactly the suppression records the global store skips. */
class SuppressionAuditTopologyTest {

  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private static final String TOPIC = Topics.unprefixed().suppressions();

  @TempDir
  Path stateDir;
  private StreamsSettings settings;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> suppressions;
  private TestOutputTopic<String, byte[]> dlq;

  @BeforeEach
  void open() {
    settings = StreamsSettings.defaults("dummy:9092", stateDir.toString());
    SuppressionAudit audit = new SuppressionAudit(settings);
    driver = new TopologyTestDriver(audit.build(), audit.properties(), TopologyHarness.START);
    suppressions = driver.createInputTopic(TOPIC, Serdes.String().serializer(),
        Serdes.ByteArray().serializer(), TopologyHarness.START, Duration.ZERO);
    dlq = driver.createOutputTopic(Topics.dlq(TOPIC), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private static Suppression entry(String id, String accountId) {
    return Suppression.newBuilder()
        .setSuppressionId(id)
        .setAccountId(accountId)
        .setReason("sandbox account")
        .setOwner("platform-team")
        .setCreatedAt(TopologyHarness.START)
        .build();
  }

  private static byte[] encoded(Suppression s) {
    return AvroSerdes.suppression(SerdeConfig.singleObject()).serializer().serialize(TOPIC, s);
  }

  @Test
  void shouldDeadLetterRandomBytesAndTruncatedAvroButNotAValidEntryNorATombstone() {
    byte[] random = {0x13, 0x37, 0x00, 0x42, 0x7f, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70};
    byte[] whole = encoded(entry("s-cut", "111122223333"));
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
    suppressions.pipeInput(new TestRecord<>("s-ok", encoded(entry("s-ok", "111122223333")), T1));
    suppressions.pipeInput(new TestRecord<>("s-random", random, T1));
    suppressions.pipeInput(new TestRecord<>("s-gone", (byte[]) null, T1));
    suppressions.pipeInput(new TestRecord<>("s-cut", truncated, T1));

    List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).extracting(TestRecord::key).containsExactly("s-random", "s-cut");

    TestRecord<String, byte[]> randomDead = dead.get(0);
    assertThat(randomDead.value()).isEqualTo(random);
    assertThat(header(randomDead, DeadLetterHeaders.REASON))
        .isEqualTo("topic compliance.suppression.v1: unknown single-object marker 0x1337 (expected 0xC301)");
    assertThat(header(randomDead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TOPIC);
    assertThat(header(randomDead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(randomDead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(header(randomDead, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("io.compliancestreams.schemas.SchemaException");

    TestRecord<String, byte[]> truncatedDead = dead.get(1);
    assertThat(truncatedDead.value()).isEqualTo(truncated);
    assertThat(header(truncatedDead, DeadLetterHeaders.REASON)).isEqualTo("topic compliance.suppression.v1: "
        + "truncated payload: Avro body of " + (truncated.length - 10) + " bytes ends early");
    assertThat(header(truncatedDead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TOPIC);
    assertThat(header(truncatedDead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(truncatedDead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("3");
    assertThat(header(truncatedDead, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("io.compliancestreams.schemas.SchemaException");
  }

  @Test
  void shouldDeadLetterAnEntryThatWouldSuppressEveryFinding() {
    byte[] everything = encoded(entry("s-all", null));
    suppressions.pipeInput(new TestRecord<>("s-all", everything, T1));

    TestRecord<String, byte[]> dead = dlq.readRecord();
    assertThat(dead.key()).isEqualTo("s-all");
    assertThat(dead.value()).isEqualTo(everything);
    assertThat(header(dead, DeadLetterHeaders.REASON))
        .isEqualTo("suppression s-all matches everything: give a finding id or a filter");
    assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void shouldIgnoreARecordWithoutAKeyAsTheGlobalStoreDoes() {
    suppressions.pipeInput(new TestRecord<>((String) null, new byte[] {1, 2, 3}, T1));
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void shouldRunUnderItsOwnApplicationIdWithOneThreadAndTheMainSettings() {
    StreamsSettings advertised = settings.withApplicationServer("10.0.0.7:8080");
    Properties main = advertised.toProperties();
    Properties audit = new SuppressionAudit(advertised).properties();

    assertThat(audit.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("compliance-streams-suppression-audit");
    assertThat(audit.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("1");
    assertThat(audit).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    for (String same : List.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        StreamsConfig.STATE_DIR_CONFIG, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)) {
      assertThat(audit.get(same)).as(same).isEqualTo(main.get(same));
    }
  }
}
