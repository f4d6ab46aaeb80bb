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
  void shouldCutWithAnEllipsisToExactlyTheLimit() {
    String cut = Mrkdwn.cut("a".repeat(200), 150);
    assertThat(cut).hasSize(150).endsWith("…").startsWith("a".repeat(149));
  }

  @Test
  void shouldNotSplitAnEscapeEntity() {
    // "aaaa&amp;" cut to 8 would end inside "&amp;": the whole entity goes.
    assertThat(Mrkdwn.cut(Mrkdwn.escape("aaaa&bbbbbb"), 8)).isEqualTo("aaaa…");
  }

  @Test
  void shouldNotSplitASurrogatePair() {
    String text = "ab\uD83D\uDE00cdef";
    assertThat(Mrkdwn.cut(text, 4)).isEqualTo("ab…");
  }
}
