package io.compliancestreams.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostureSummaryTest {

  private static FindingView finding(int practice, String severity, String status, String account, String region,
      boolean suppressed) {
    Instant t = Instant.parse("2026-12-07T10:00:00Z");
    return new FindingView("p%02d-0123456789abcdef01234567".formatted(practice), practice, "X." + practice,
        "title " + practice, severity, status, account, region, "AWS::S3::Bucket", "b", "arn:aws:s3:::b",
        account + "/" + region + "/AWS::S3::Bucket/b", "reason", "fix it", t, t, t, suppressed);
  }

  @Test
  void shouldCountErrorsAndKeepNotApplicableAndSuppressedOutOfThePassingShare() {
    PostureSummary s = PostureSummary.of(List.of(
        finding(1, "HIGH", "PASS", "111122223333", "eu-west-1", false),
        finding(1, "HIGH", "FAIL", "111122223333", "eu-west-1", false),
        finding(1, "HIGH", "FAIL", "111122223333", "us-east-1", true),
        finding(2, "MEDIUM", "ERROR", "444455556666", "global", false),
        finding(2, "MEDIUM", "NOT_APPLICABLE", "444455556666", "global", true),
        finding(3, "LOW", "FAIL", "444455556666", "us-east-1", false)));

    assertThat(s.total()).isEqualTo(new PostureSummary.Counts(1, 2, 1, 1, 1));
    assertThat(s.passingShare()).isEqualTo(0.25);
    assertThat(s.failingBySeverity()).containsExactly(java.util.Map.entry("CRITICAL", 0),
        java.util.Map.entry("HIGH", 1), java.util.Map.entry("MEDIUM", 0), java.util.Map.entry("LOW", 1),
        java.util.Map.entry("INFORMATIONAL", 0));
    assertThat(s.practices()).containsExactly(
        new PostureSummary.PracticeCounts(1, "X.1", "title 1", "HIGH", 1, 1, 1, 0, 0),
        new PostureSummary.PracticeCounts(2, "X.2", "title 2", "MEDIUM", 0, 0, 0, 1, 1),
        new PostureSummary.PracticeCounts(3, "X.3", "title 3", "LOW", 0, 1, 0, 0, 0));
    assertThat(s.accounts()).containsExactly(
        new PostureSummary.AccountCounts("111122223333", 1, 1, 1, 0, 0),
        new PostureSummary.AccountCounts("444455556666", 0, 1, 0, 1, 1));
    assertThat(s.regions()).containsExactly(
        new PostureSummary.RegionCounts("eu-west-1", 1, 1, 0, 0, 0),
        new PostureSummary.RegionCounts("global", 0, 0, 0, 1, 1),
        new PostureSummary.RegionCounts("us-east-1", 0, 1, 1, 0, 0));
  }

  @Test
  void shouldHaveNoPassingShareWhenNothingWasEvaluated() {
    PostureSummary s = PostureSummary.of(List.of(finding(2, "MEDIUM", "NOT_APPLICABLE", "444455556666", "global", false)));
    assertThat(s.passingShare()).isNull();
    assertThat(s.failingBySeverity()).containsOnlyKeys(PostureSummary.SEVERITIES);
  }
}
