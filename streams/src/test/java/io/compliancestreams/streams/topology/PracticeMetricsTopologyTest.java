package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each practice's evaluation time and count, in Kafka Streams' metrics, tagged with the practice. */
class PracticeMetricsTopologyTest {

  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private static final String GROUP = "stream-practice-metrics";
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ResourceSnapshot bucket(String name) {
    ResourceSnapshot template = TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);
    return ResourceSnapshot.newBuilder(template).setResourceId(name).setResourceName(name)
        .setArn("arn:aws:s3:::" + name).build();
  }

  private static ResourceSnapshot detectors(String region) {
    ResourceSnapshot template =
        TopologyHarness.fixture(26, "fail-no-detector-in-unused-region.json").get(0);
    return ResourceSnapshot.newBuilder(template).setAwsRegion(region).build();
  }

  /** The practice's metrics of that name, by their tags (one per stream thread). */
  private Map<Map<String, String>, Double> metric(String name, int practice) {
    Map<MetricName, ? extends Metric> all = harness.driver.metrics();
    return all.entrySet().stream()
        .filter(e -> e.getKey().group().equals(GROUP) && e.getKey().name().equals(name)
            && String.valueOf(practice).equals(e.getKey().tags().get("practice-id")))
        .collect(Collectors.toMap(e -> e.getKey().tags(),
            e -> ((Number) e.getValue().metricValue()).doubleValue()));
  }

  private double only(String name, int practice) {
    Map<Map<String, String>, Double> found = metric(name, practice);
    assertThat(found).as("%s of practice %d", name, practice).hasSize(1);
    return found.values().iterator().next();
  }

  @Test
  void shouldCountEveryEvaluationOfAResourcePracticeUnderItsTag() {
    List<ResourceSnapshot> buckets = IntStream.range(0, 3).mapToObj(i -> bucket("metric-bucket-" + i)).toList();
    harness.sendAll(buckets, T1);
    assertThat(harness.deltasOf(10)).hasSize(3);

    assertThat(metric("evaluate-total", 10).entrySet()).singleElement().satisfies(e -> {
      assertThat(e.getKey()).containsEntry("practice-id", "10").containsEntry("control-id", "S3.4")
          .containsKey("thread-id");
      assertThat(e.getValue()).isEqualTo(3.0);
    });
    assertThat(only("evaluate-rate", 10)).isPositive();
    assertThat(only("evaluate-latency-avg", 10)).isPositive();
    assertThat(only("evaluate-latency-max", 10)).isGreaterThanOrEqualTo(only("evaluate-latency-avg", 10));
    assertThat(only("evaluate-total", 26)).as("a practice that read none of them").isZero();
  }

  @Test
  void shouldTimeAPracticeThatThrowsAndStillMakeOnlyThatPracticeAnError() {
    ResourceSnapshot malformed = TopologyHarness.fixture(10, "error-rules-not-an-array.json").get(0);
    harness.send(malformed, T1);
    List<FindingDelta> deltas = harness.deltas();
    assertThat(deltas).filteredOn(d -> d.getPractice() == 10)
        .singleElement().extracting(FindingDelta::getNewStatus).isEqualTo(FindingStatus.ERROR);
    assertThat(deltas).filteredOn(d -> d.getPractice() != 10).isNotEmpty()
        .allSatisfy(d -> assertThat(d.getNewStatus()).isNotEqualTo(FindingStatus.ERROR));

    assertThat(only("evaluate-total", 10)).isEqualTo(1.0);
    assertThat(only("evaluate-latency-max", 10)).isPositive();
  }

  @Test
  void shouldCountOneEvaluationPerScopeOfARegionPractice() {
    List<String> regions = List.of("ap-northeast-3", "eu-west-1", "us-east-1");
    harness.sendAll(regions.stream().map(PracticeMetricsTopologyTest::detectors).toList(), T1);
    assertThat(only("evaluate-total", 26)).as("nothing before the debounce").isZero();

    harness.tick(Duration.ofSeconds(1));
    assertThat(harness.deltasOf(26)).hasSize(3);
    assertThat(only("evaluate-total", 26)).isEqualTo(3.0);
    assertThat(metric("evaluate-latency-max", 26).entrySet()).singleElement()
        .satisfies(e -> assertThat(e.getKey()).containsEntry("control-id", "GuardDuty.1"));
  }
}
