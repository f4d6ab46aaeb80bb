package io.compliancestreams.sinks.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.FindingDelta;
import org.junit.jupiter.api.Test;

class IssueContentTest {

  @Test
  void shouldCutSummaryTo255CharactersWithEllipsis() {
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta()).setResourceId("r".repeat(400)).build();

    String summary = IssueContent.summary(d);

    assertThat(summary).hasSize(255).startsWith("[S3.4] S3 buckets should have").endsWith("r…");
  }

  @Test
  void shouldNotSplitSurrogatePairWhenCutting() {
    String prefix = "[S3.4] S3 buckets should have server-side encryption enabled — ";
    String id = "a".repeat(253 - prefix.length()) + "😀😀😀";
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta()).setResourceId(id).build();

    String summary = IssueContent.summary(d);

    assertThat(summary.length()).isLessThanOrEqualTo(255);
    assertThat(Character.isHighSurrogate(summary.charAt(summary.length() - 2))).isFalse();
    assertThat(summary).endsWith("…");
  }

  @Test
  void shouldMakeFindingLabelWithoutWhitespace() {
    assertThat(IssueContent.findingLabel("f 3b\t9a")).isEqualTo("cs-f_3b_9a");
  }

  @Test
  void shouldRoundTripIssueRefAndRejectGarbage() {
    assertThat(IssueRef.decode(new IssueRef("SEC-12", 4).encode())).contains(new IssueRef("SEC-12", 4));
    assertThat(IssueRef.decode("SEC-12")).isEmpty();
    assertThat(IssueRef.decode("SEC-12|x")).isEmpty();
  }
}
