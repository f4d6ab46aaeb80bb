package io.compliancestreams.sinks.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ElapsedTextTest {

  @Test
  void shouldSayADurationInItsTwoLargestUnits() {
    assertThat(ElapsedText.of(Duration.ofMillis(999))).isEqualTo("0 s");
    assertThat(ElapsedText.of(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(ElapsedText.of(Duration.ofSeconds(7 * 60 + 59))).isEqualTo("7 min");
    assertThat(ElapsedText.of(Duration.ofMinutes(3 * 60 + 12).plusSeconds(40))).isEqualTo("3 h 12 min");
    assertThat(ElapsedText.of(Duration.ofHours(5))).isEqualTo("5 h");
    assertThat(ElapsedText.of(Duration.ofHours(52).plusMinutes(30))).isEqualTo("2 d 4 h");
    assertThat(ElapsedText.of(Duration.ofDays(30))).isEqualTo("30 d");
    assertThat(ElapsedText.of(Duration.ofSeconds(-5))).isEqualTo("0 s");
  }
}
