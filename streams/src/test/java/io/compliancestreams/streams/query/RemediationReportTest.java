package io.compliancestreams.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RemediationReportTest {

  private static final Map<Integer, PracticeMetadata> METADATA = PracticeCatalogue.all().stream()
      .collect(Collectors.toMap(Practice::number, Practice::metadata));
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  private static long minutes(long m) {
    return Duration.ofMinutes(m).toMillis();
  }

  @Test
  void shouldGiveTheNearestRankMedianAndP90OfEveryInstancesDurationsPerPractice() {
    // Ten failures of practice 3 split over two instances: 1..10 hours.
    LocalRemediation a = new LocalRemediation(Map.of(3, List.of(minutes(60), minutes(300), minutes(600),
        minutes(120), minutes(480))), List.of());
    LocalRemediation b = new LocalRemediation(Map.of(3, List.of(minutes(240), minutes(180), minutes(540),
        minutes(360), minutes(420)), 10, List.of(minutes(7))), List.of());

    RemediationReport report = RemediationReport.of(List.of(a, b), METADATA);

    assertThat(report.practices()).extracting(RemediationReport.PracticeTimes::practice).containsExactly(3, 10);
    assertThat(report.practices().get(0)).satisfies(p -> {
      assertThat(p.controlId()).isEqualTo(METADATA.get(3).controlId());
      assertThat(p.title()).isEqualTo(METADATA.get(3).title());
      assertThat(p.severity()).isEqualTo(METADATA.get(3).severity().name());
      assertThat(p.remediated()).isEqualTo(10);
      assertThat(p.medianSeconds()).isEqualTo(5 * 3600);
      assertThat(p.p90Seconds()).isEqualTo(9 * 3600);
    });
    assertThat(report.practices().get(1)).satisfies(p -> {
      assertThat(p.remediated()).isEqualTo(1);
      assertThat(p.medianSeconds()).isEqualTo(420);
      assertThat(p.p90Seconds()).isEqualTo(420);
    });
  }

  @Test
  void shouldListTheTwentyOldestOpenFailuresOfAllInstancesOldestFirst() {
    List<LocalRemediation.OpenFailure> first = new ArrayList<>();
    List<LocalRemediation.OpenFailure> second = new ArrayList<>();
    IntStream.range(0, 15).forEach(i -> first.add(open("p03-a" + i, T0.plus(Duration.ofHours(2L * i)))));
    IntStream.range(0, 15).forEach(i -> second.add(open("p03-b" + i, T0.plus(Duration.ofHours(2L * i + 1)))));

    RemediationReport report = RemediationReport.of(List.of(
        new LocalRemediation(Map.of(), RemediationReport.oldest(first)),
        new LocalRemediation(Map.of(), RemediationReport.oldest(second))), METADATA);

    assertThat(report.practices()).isEmpty();
    assertThat(report.oldestOpen()).hasSize(20);
    assertThat(report.oldestOpen()).extracting(LocalRemediation.OpenFailure::findingId)
        .startsWith("p03-a0", "p03-b0", "p03-a1", "p03-b1").endsWith("p03-a9", "p03-b9");
  }

  private static LocalRemediation.OpenFailure open(String id, Instant since) {
    return new LocalRemediation.OpenFailure(id, 3, "IAM.3", "MEDIUM", "k/" + id, null, id, since, 0);
  }
}
