package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.app.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 7: what a user sees on the console of {@code demo} and of {@code run} on its
 * in-JVM broker, each run as the real entry point in its own JVM (so the runnable's logback.xml and
 * the redacting stdout/stderr are the ones in play), with the user's default logging (no
 * LOG_LEVEL): no ERROR line, no stack trace, no exception; the broker's own log in the file the
 * command names. Without Docker, Testcontainers must not even be asked (it logs an ERROR and a
 * stack trace when it finds no engine).
 */
class QuietConsoleTest {

  /** A demo delta line: time, change kind, status (e.g. {@code 19:33:35  NEW ERROR  HIGH  #6}). */
  private static final Pattern DELTA_LINE =
      Pattern.compile("^\\d\\d:\\d\\d:\\d\\d  [A-Z]+ +[A-Z_]+ +[A-Z]+ +#\\d+ ");
  private static final Pattern BROKER_LOG = Pattern.compile("logs to (\\S+\\.log)\\)|its log: (\\S+\\.log)");

  @TempDir Path dir;

  @Test
  void shouldPrintNoErrorAndNoStackTraceDuringTheDemo() throws Exception {
    Path out = dir.resolve("demo.out");
    Path err = dir.resolve("demo.err");
    long began = System.nanoTime();
    Process demo = start(out, err, "demo", "--speed", "20", "--exit-after", "PT1S", "--http-port", "0");
    boolean exited = demo.waitFor(100, TimeUnit.SECONDS);
    if (!exited) {
      demo.destroyForcibly().waitFor();
    }
    String stdout = Files.readString(out);
    List<String> console = console(out, err);

    assertThat(exited).as("the demo ended by itself:%n%s", String.join("\n", console)).isTrue();
    assertThat(demo.exitValue()).as(String.join("\n", console)).isZero();
    assertThat(stdout).contains("script done: 8 of 8 expected deltas seen");
    assertQuiet(console);
    assertBrokerLogIsInItsFile(stdout);
    System.out.printf("demo: %d console lines (%d on stderr) in %d s%n", console.size(),
        Files.readAllLines(err).size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
  }

  @Test
  void shouldPrintNoErrorAndNoStackTraceWhenRunStartsItsOwnBroker() throws Exception {
    Path out = dir.resolve("run.out");
    Path err = dir.resolve("run.err");
    Process run = start(out, err, "run", "--no-ingest", "--embedded-broker", "--set", "http.port=0",
        "--set", "streams.state.dir=" + dir.resolve("state"));
    try {
      await("run serves its dashboard").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .until(() -> Files.readString(out).contains("running: dashboard"));
      run.destroy(); // SIGTERM: stopping is part of what the user sees
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("run exited after SIGTERM").isTrue();
    } finally {
      run.destroyForcibly().waitFor();
    }
    List<String> console = console(out, err);

    assertThat(run.exitValue()).as(String.join("\n", console)).isZero();
    assertQuiet(console);
    assertBrokerLogIsInItsFile(Files.readString(err));
    System.out.printf("run: %d console lines (%d on stderr)%n", console.size(), Files.readAllLines(err).size());
  }

  private static void assertQuiet(List<String> console) {
    String all = String.join("\n", console);
    // A demo delta line may carry a finding's status ERROR ("NEW ERROR  HIGH  #6 ..."): that is
    // the product's output, not a log line; any other line naming ERROR fails.
    assertThat(console).as("no ERROR line in:%n%s", all)
        .noneMatch(l -> l.contains("ERROR") && !DELTA_LINE.matcher(l).find());
    assertThat(console).as("no stack trace in:%n%s", all)
        .noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:") || l.contains("Exception"));
    assertThat(console).as("Testcontainers was not asked for Docker:%n%s", all)
        .noneMatch(l -> l.contains("Docker environment") || l.contains("o.t."));
  }

  /** The command named the broker's log file; the broker's INFO lines are there, not on the console. */
  private static void assertBrokerLogIsInItsFile(String printed) throws IOException {
    Matcher named = BROKER_LOG.matcher(printed);
    assertThat(named.find()).as("the broker's log file is named in:%n%s", printed).isTrue();
    Path file = Path.of(named.group(1) != null ? named.group(1) : named.group(2));
    try (Stream<String> lines = Files.lines(file)) {
      assertThat(lines.filter(l -> l.contains("kafka.server") || l.contains("state.change.logger")).count())
          .as("broker lines in %s", file).isPositive();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static List<String> console(Path out, Path err) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(out));
    lines.addAll(Files.readAllLines(err));
    return lines;
  }

  /** The real entry point in a child JVM, with no LOG_LEVEL, broker or sink in its environment. */
  private static Process start(Path out, Path err, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(name -> name.equals("LOG_LEVEL") || name.startsWith("KAFKA_")
        || name.startsWith("SLACK_") || name.startsWith("JIRA_") || name.startsWith("HEC_")
        || name.startsWith("S3_AUDIT") || name.startsWith("AWS_"));
    return pb.start();
  }
}
