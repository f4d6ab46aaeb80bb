package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 17.7: the long-running commands as real processes ({@code java ... Main <command>}), stopped
 * with SIGTERM ({@link Process#destroy()}) as Kubernetes or systemd stop them: exit 0 as their help
 * says (the JVM alone would exit 143), promptly, with no ERROR line.
 */
class CleanStopTest {

  private static final Pattern API = Pattern.compile("query API on (http://[^/\\s]+)/api/posture");
  /** Measured about 2-4 s on 2 shared cores; Kubernetes' default grace period is 30 s. */
  private static final Duration STOP_BOUND = Duration.ofSeconds(20);

  private static KafkaBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldExit0PromptlyWhenStreamsIsStoppedWithSigterm() throws Exception {
    Path log = dir.resolve("streams.log");
    Process streams = start(log, "streams", "--set", "topic.prefix=clean-stop.",
        "--set", "streams.application.id=clean-stop", "--set", "streams.state.dir=" + dir.resolve("state"),
        "--set", "http.port=0");
    try {
      String api = await("the query API address on stdout").atMost(Duration.ofSeconds(120))
          .until(() -> apiAddress(log), a -> a != null);
      await("/health answers 200 (RUNNING)").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> health(api) == 200);

      long stopMs = stop(streams);

      assertThat(streams.exitValue()).as(Files.readString(log)).isZero();
      assertThat(stopMs).isLessThan(STOP_BOUND.toMillis());
      System.out.printf("streams stopped by SIGTERM in %d ms, exit %d%n", stopMs, streams.exitValue());
      assertThat(Files.readAllLines(log)).noneMatch(l -> l.contains(" ERROR ")).contains("stopped");
    } finally {
      streams.destroyForcibly().waitFor();
    }
  }

  @Test
  void shouldExit0WhenASinkIsStoppedWithSigterm() throws Exception {
    Path log = dir.resolve("sink.log");
    Process sink = start(log, "sink", "ocsf", "--set", "topic.prefix=clean-stop-sink.", "--set", "http.port=0");
    try {
      await("the sink started").atMost(Duration.ofSeconds(120))
          .until(() -> Files.readString(log).contains("sink ocsf started"));

      long stopMs = stop(sink);

      assertThat(sink.exitValue()).as(Files.readString(log)).isZero();
      assertThat(stopMs).isLessThan(STOP_BOUND.toMillis());
      assertThat(Files.readAllLines(log)).noneMatch(l -> l.contains(" ERROR "));
    } finally {
      sink.destroyForcibly().waitFor();
    }
  }

  /** The real entry point in a child JVM, against the test's broker; stdout and stderr to {@code log}. */
  private static Process start(Path log, String... args) throws IOException {
    return ChildMain.start("256m", broker.bootstrapServers(), log, args);
  }

  /** Sends SIGTERM and waits for the exit; returns how long it took. */
  private static long stop(Process process) throws InterruptedException {
    long began = System.nanoTime();
    process.destroy(); // SIGTERM on Unix
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s of SIGTERM").isTrue();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
  }

  private static String apiAddress(Path log) throws IOException {
    Matcher m = API.matcher(Files.readString(log));
    return m.find() ? m.group(1) : null;
  }

  private static int health(String api) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + "/health"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }
}
