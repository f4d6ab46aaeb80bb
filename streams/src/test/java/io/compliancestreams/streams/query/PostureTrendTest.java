package io.compliancestreams.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostureTrendTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:42:30Z");
  private static final TrendCounts HIGH = TrendCounts.one("HIGH");
  private static final TrendCounts ERROR = TrendCounts.one(TrendCounts.ERROR);

  private static long minute(String at) {
    return Instant.parse(at).toEpochMilli();
  }

  @Test
  void shouldChooseTheBucketBySpan() {
    assertThat(PostureTrend.bucketFor(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(PostureTrend.bucketFor(6)).isEqualTo(Duration.ofMinutes(1));
    assertThat(PostureTrend.bucketFor(7)).isEqualTo(Duration.ofMinutes(5));
    assertThat(PostureTrend.bucketFor(48)).isEqualTo(Duration.ofMinutes(5));
    assertThat(PostureTrend.bucketFor(49)).isEqualTo(Duration.ofHours(1));
    assertThat(PostureTrend.bucketFor(720)).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> PostureTrend.bucketFor(0)).hasMessage("hours must be 1-720, got 0");
    assertThatThrownBy(() -> PostureTrend.bucketFor(721)).hasMessage("hours must be 1-720, got 721");
  }

  @Test
  void shouldEndOnTheLiveCountAndWalkBackThroughTheChangesOfEveryInstance() {
    LocalTrend a = new LocalTrend(Map.of(minute("2026-12-07T10:00:00Z"), HIGH,
        minute("2026-12-07T10:30:00Z"), TrendCounts.ZERO.minus(HIGH)), TrendCounts.ZERO);
    LocalTrend b = new LocalTrend(Map.of(minute("2026-12-07T10:40:00Z"), HIGH.plus(ERROR)),
        new TrendCounts(0, 2, 0, 0, 0, 1));

    PostureTrend.Series series = PostureTrend.series(List.of(a, b), NOW, 1);

    assertThat(series.bucket()).isEqualTo("PT1M");
    assertThat(series.points()).hasSize(60);
    assertThat(series.points().get(0).at()).isEqualTo(Instant.parse("2026-12-07T09:43:00Z"));
    assertThat(series.points().get(59).at()).isEqualTo(Instant.parse("2026-12-07T10:42:00Z"));
    assertThat(series.points().get(59).failing()).containsEntry("HIGH", 2L);
    assertThat(series.points().get(59).errors()).isEqualTo(1);
    assertThat(high(series, "2026-12-07T10:40:00Z")).isEqualTo(2);
    assertThat(high(series, "2026-12-07T10:39:00Z")).isEqualTo(1);
    assertThat(point(series, "2026-12-07T10:39:00Z").errors()).isZero();
    assertThat(high(series, "2026-12-07T10:30:00Z")).isEqualTo(1);
    assertThat(high(series, "2026-12-07T10:29:00Z")).isEqualTo(2);
    assertThat(high(series, "2026-12-07T10:00:00Z")).isEqualTo(2);
    assertThat(high(series, "2026-12-07T09:59:00Z")).isEqualTo(1);
    assertThat(high(series, "2026-12-07T09:43:00Z")).isEqualTo(1);
    assertThat(series.points().get(0).failing()).containsOnlyKeys("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");
  }

  @Test
  void shouldAddUpFiveMinuteBucketsAndCountEachAtItsEnd() {
    LocalTrend part = new LocalTrend(Map.of(minute("2026-12-07T10:31:00Z"), HIGH,
        minute("2026-12-07T10:34:00Z"), HIGH), new TrendCounts(0, 2, 0, 0, 0, 0));

    PostureTrend.Series series = PostureTrend.series(List.of(part), NOW, 24);

    assertThat(series.bucket()).isEqualTo("PT5M");
    assertThat(series.points()).hasSize(288);
    assertThat(series.points().get(287).at()).isEqualTo(Instant.parse("2026-12-07T10:40:00Z"));
    assertThat(high(series, "2026-12-07T10:30:00Z")).isEqualTo(2);
    assertThat(high(series, "2026-12-07T10:25:00Z")).isZero();
  }

  @Test
  void shouldAskEachInstanceForTheChangesFromTheEndOfTheFirstBucket() {
    assertThat(PostureTrend.changesFrom(NOW, 1)).isEqualTo(Instant.parse("2026-12-07T09:44:00Z"));
    assertThat(PostureTrend.changesFrom(NOW, 720)).isEqualTo(Instant.parse("2026-11-07T12:00:00Z"));
  }

  private static PostureTrend.Point point(PostureTrend.Series series, String at) {
    return series.points().stream().filter(p -> p.at().equals(Instant.parse(at))).findFirst().orElseThrow();
  }

  private static long high(PostureTrend.Series series, String at) {
    return point(series, at).failing().get("HIGH");
  }
}
