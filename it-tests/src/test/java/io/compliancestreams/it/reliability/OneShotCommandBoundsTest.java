package io.compliancestreams.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.app.Main;
import io.compliancestreams.devkit.AwsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, fault 4: one-shot commands against endpoints that never answer. Before the fix, `scan`
 * against an AWS endpoint that accepts connections and never answers had not ended after 300 s,
 * `scan --publish` with an unreachable broker sat at "1/23 scopes" for 300 s, and `replay` of 3
 * records took 182 s. Each now ends within its configured bound (small here, so the test takes
 * seconds) with exit 3 and one error line naming what is unreachable.
 */
class OneShotCommandBoundsTest {

  /** Generous against the 2–3 s bounds configured below: JVM warm-up and a busy 2-core machine. */
  private static final Duration LIMIT = Duration.ofSeconds(25);

  private static ServerSocket silent;
  private static final List<Socket> held = new CopyOnWriteArrayList<>();
  private static int closedPort;

  @BeforeAll
  static void startEndpoints() throws IOException {
    System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_ACCESS_KEY);
    // Accepts every connection, reads nothing, answers nothing.
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!silent.isClosed()) {
        try {
          held.add(silent.accept());
        } catch (IOException e) {
          return;
        }
      }
    }, "silent-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
  }

  @AfterAll
  static void stopEndpoints() throws IOException {
    silent.close();
    for (Socket s : held) {
      s.close();
    }
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  private static String silentUrl() {
    return "http://127.0.0.1:" + silent.getLocalPort();
  }

  @Test
  void shouldEndAScanAgainstAnAwsEndpointThatNeverAnswersWithinTheCallTimeout() {
    Run run = Run.of("scan", "--regions", "us-east-1",
        "--set", "aws.endpoint.url=" + silentUrl(),
        "--set", "aws.api.call.timeout=PT3S",
        "--set", "aws.api.call.attempt.timeout=PT1S");

    assertThat(run.exit).isEqualTo(3);
    assertThat(run.elapsed).isLessThan(LIMIT);
    assertThat(run.errorLines()).singleElement().satisfies(line -> assertThat(line)
        .contains("127.0.0.1:" + silent.getLocalPort())
        .contains("GetCallerIdentity")
        .contains("did not complete"));
    assertThat(held).as("the scan did reach the silent endpoint").isNotEmpty();
  }

  @Test
  void shouldEndAPublishingScanWithAnUnreachableBrokerWithinTheCommandTimeout() {
    Run run = Run.of("scan", "--publish", "--regions", "us-east-1",
        "--set", "kafka.bootstrap.servers=127.0.0.1:" + closedPort,
        "--set", "kafka.command.timeout=PT3S",
        // Never reached: the broker is checked before the scan starts.
        "--set", "aws.endpoint.url=" + silentUrl(),
        "--set", "aws.api.call.timeout=PT3S");

    assertUnreachableBroker(run);
  }

  @Test
  void shouldEndAReplayWithAnUnreachableBrokerWithinTheCommandTimeout(@TempDir Path dir) throws IOException {
    String record;
    try (InputStream in = Main.class.getResourceAsStream("/demo/cloudtrail/kms.amazonaws.com/DisableKey-3.json")) {
      record = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = dir.resolve("three-records.json");
    Files.writeString(file, "{\"Records\":[" + String.join(",", record, record, record) + "]}");

    Run run = Run.of("replay", file.toString(),
        "--set", "kafka.bootstrap.servers=127.0.0.1:" + closedPort,
        "--set", "kafka.command.timeout=PT3S");

    assertUnreachableBroker(run);
  }

  @Test
  void shouldEndTopicsAndSuppressWithAnUnreachableBrokerWithinTheCommandTimeout() {
    for (String[] command : List.of(new String[] {"topics"}, new String[] {"suppress", "list"})) {
      List<String> args = new ArrayList<>(Arrays.asList(command));
      args.addAll(List.of("--set", "kafka.bootstrap.servers=127.0.0.1:" + closedPort,
          "--set", "kafka.command.timeout=PT2S"));
      assertUnreachableBroker(Run.of(args.toArray(String[]::new)));
    }
  }

  private static void assertUnreachableBroker(Run run) {
    assertThat(run.exit).as(run.err).isEqualTo(3);
    assertThat(run.elapsed).isLessThan(LIMIT);
    assertThat(run.errorLines()).singleElement().asString()
        .startsWith("error: cannot reach Kafka at 127.0.0.1:" + closedPort + " (kafka.bootstrap.servers) within ")
        .contains("(kafka.command.timeout)");
    assertThat(run.err).as("the Kafka client's WARN per reconnect").doesNotContain("could not be established");
  }

  /** One command run through the real command line, with its stderr and its duration. */
  private record Run(int exit, String out, String err, Duration elapsed) {

    static Run of(String... args) {
      PrintStream originalOut = System.out;
      PrintStream originalErr = System.err;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      long start = System.nanoTime();
      int exit;
      try {
        exit = Main.commandLine().execute(args);
      } finally {
        System.setOut(originalOut);
        System.setErr(originalErr);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      String errText = err.toString(StandardCharsets.UTF_8);
      originalErr.printf("%s: exit %d in %d ms%n%s", String.join(" ", args), exit, elapsed.toMillis(), errText);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), errText, elapsed);
    }

    List<String> errorLines() {
      return err.lines().filter(l -> l.startsWith("error:")).toList();
    }
  }
}
