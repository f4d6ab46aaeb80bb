package io.compliancestreams.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

  @Test
  void shouldEscapeTheThreeControlCharacters() {
    assertThat(Mrkdwn.escape("<!channel> & <http://evil|click>"))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;http://evil|click&gt;");
  }

  @Test
  void shouldLeaveTextShorterThanTheLimitAlone() {
    assertThat(Mrkdwn.cut("short", 5)).isEqualTo("short");
  }

  @Test
  void shouldCutTheMiddleWithAnEllipsisToExactlyTheLimit() {
    String cut = Mrkdwn.cut("a".repeat(100) + "b".repeat(100), 150);
    // The end (a reason's decisive value) stays.
    assertThat(cut).hasSize(150).startsWith("a".repeat(74) + "…").endsWith("b".repeat(75));
  }

  @Test
  void shouldNotSplitAnEscapeEntityAtEitherSideOfTheCut() {
    // "ab&a|mp;…": the head would end inside "&amp;", so the whole entity goes.
    assertThat(Mrkdwn.cut("ab&amp;cdefghijkl", 9)).isEqualTo("ab…ijkl");
    // "…&am|p;kl": the tail would start inside "&amp;", so it starts after it.
    assertThat(Mrkdwn.cut("abcdefghij&amp;kl", 9)).isEqualTo("abcd…kl");
  }

  @Test
  void shouldNotSplitASurrogatePairAtEitherSideOfTheCut() {
    assertThat(Mrkdwn.cut("a\uD83D\uDE00bcdefg", 5)).isEqualTo("a…fg");
    assertThat(Mrkdwn.cut("abcdef\uD83D\uDE00g", 5)).isEqualTo("ab…g");
  }

  @Test
  void shouldKeepTheDecisiveEndOfAReason() {
    String reason = "Security group sg-0a1b2c3d allows inbound tcp port 22 from 0.0.0.0/0";
    assertThat(Mrkdwn.cut(reason, 40)).endsWith("from 0.0.0.0/0").contains("…");
  }
}
