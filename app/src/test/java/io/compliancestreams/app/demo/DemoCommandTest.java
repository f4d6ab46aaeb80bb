package io.compliancestreams.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** Runs the whole demo in-process against the in-JVM broker (no Docker, no AWS). */
class DemoCommandTest {

  private static final Pattern POSTURE_ROW = Pattern.compile("^\\s*\\d{1,2}  \\S+\\s+\\d+\\s+\\d+\\s+\\d+  .+$");

  @Test
  @Timeout(120)
  void shouldShowTheScriptsRegressionsAndFixesLiveThenThePostureAndTheDashboard() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    long began = System.nanoTime();

    int exit = new CommandLine(new DemoCommand(out, out, false, false))
        .execute("--speed", "10", "--exit-after", "PT1S", "--http-port", "0");

    Duration took = Duration.ofNanos(System.nanoTime() - began);
    String output = buffer.toString(StandardCharsets.UTF_8);
    List<String> lines = output.lines().toList();
    assertThat(exit).as(output).isZero();
    for (String control : List.of("S3.8", "EC2.2", "EC2.1", "KMS.3", "CloudTrail.1")) {
      assertThat(lines).as("a REGRESSED line for %s in:%n%s", control, output)
          .anyMatch(l -> l.contains(" REGRESSED ") && l.contains(" " + control + " "));
    }
    for (String control : List.of("S3.8", "KMS.3", "CloudTrail.1")) {
      assertThat(lines).as("a RESOLVED line for %s in:%n%s", control, output)
          .anyMatch(l -> l.contains(" RESOLVED ") && l.contains(" " + control + " "));
    }
    assertThat(lines).as(output).anyMatch(l -> l.contains("script done: 8 of 8 expected deltas seen"));
    int postureStart = lines.indexOf("Posture:");
    assertThat(postureStart).as(output).isPositive();
    assertThat(lines.subList(postureStart, lines.size()).stream().filter(l -> POSTURE_ROW.matcher(l).matches()))
        .as(output).hasSize(PracticeCatalogue.all().size());
    assertThat(lines).as(output).anyMatch(l -> l.matches("Dashboard: http://127\\.0\\.0\\.1:\\d+/ .*"));
    assertThat(lines).as("the audit trail sink wrote objects").anyMatch(l -> l.matches("S3 audit trail: [1-9]\\d* objects so far in .*"));
    assertThat(output).doesNotContain("\u001b[");
    assertThat(took).as(output).isLessThan(Duration.ofSeconds(60));
    System.out.println(output);
  }
}
