package io.compliancestreams.sinks.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.FindingDelta;
import org.junit.jupiter.api.Test;

class IssueContentTest {

  @Test
  void shouldCutSummaryTo255CharactersInTheMiddleKeepingTheResourcesEnd() {
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta()).setResourceId("r".repeat(400) + "-prod-7").build();

    String summary = IssueContent.summary(d);

    assertThat(summary).hasSize(255).startsWith("[S3.4] S3 buckets should have").contains("r…r").endsWith("r-prod-7");
  }

  @Test
  void shouldNameTheResourceByItsNameWithTheIdAfterIt() {
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta()).setResourceType("AWS::IAM::User")
        .setResourceId("AIDA2EXAMPLE7USERID").setResourceName("alice").build();

    assertThat(IssueContent.summary(d)).endsWith("— alice (AIDA2EXAMPLE7USERID)");
  }

  @Test
  void shouldNotSplitSurrogatePairWhenCutting() {
    String prefix = "[S3.4] S3 buckets should have server-side encryption enabled — ";
    String id = "a".repeat(253 - prefix.length()) + "😀😀😀";
    FindingDelta d = FindingDelta.newBuilder(Samples.findingDelta()).setResourceId(id).build();

    String summary = IssueContent.summary(d);

    assertThat(summary.length()).isLessThanOrEqualTo(255);
    assertThat(summary).contains("…").endsWith("😀😀😀");
    for (int i = 0; i < summary.length(); i++) { // no lone surrogate on either side of the cut
      char c = summary.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(Character.isLowSurrogate(summary.charAt(i + 1))).as("pair at %d", i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
      }
    }
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
