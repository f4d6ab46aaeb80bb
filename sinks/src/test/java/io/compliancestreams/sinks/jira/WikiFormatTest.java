package io.compliancestreams.sinks.jira;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WikiFormatTest {

  @Test
  void shouldBackslashEscapeEveryMarkupCharacter() {
    assertThat(WikiFormat.escape("{}[]|*_-+^~?!#"))
        .isEqualTo("\\{\\}\\[\\]\\|\\*\\_\\-\\+\\^\\~\\?\\!\\#");
  }

  @Test
  void shouldTurnBackslashIntoEntitySoItCannotFormLineBreakOrEatAnEscape() {
    assertThat(WikiFormat.escape("a\\\\b\\*")).isEqualTo("a&#92;&#92;b&#92;\\*");
  }

  @Test
  void shouldFlattenLineBreaksSoValuesCannotStartHeadingsOrLists() {
    assertThat(WikiFormat.escape("x\r\nh1. big\n# item")).isEqualTo("x  h1. big \\# item");
  }

  @Test
  void shouldLeaveOrdinaryArnUntouchedExceptHyphens() {
    assertThat(WikiFormat.escape("arn:aws:s3:::my-bucket/key.txt")).isEqualTo("arn:aws:s3:::my\\-bucket/key.txt");
  }

  @Test
  void shouldCutEscapedValueToLimitWithoutSplittingAnEscapeOrASurrogatePair() {
    assertThat(WikiFormat.escape("abcdef", 6)).isEqualTo("abcdef");
    assertThat(WikiFormat.escape("abcdefg", 6)).isEqualTo("abcde…");
    assertThat(WikiFormat.escape("abcd{x", 6)).isEqualTo("abcd…");
    assertThat(WikiFormat.escape("ab\\cd", 6)).isEqualTo("ab…");
    assertThat(WikiFormat.escape("abcd🚨z", 6)).isEqualTo("abcd…");
    assertThat(WikiFormat.escape("abc🚨", 6)).isEqualTo("abc🚨");
  }
}
