package io.compliancestreams.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The posture command's refusals, before it reads anything (the rebuild itself: it-tests' PostureAsOfTest). */
class PostureCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int posture(ByteArrayOutputStream err, String... args) {
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new CommandLine(new PostureCommand(new PrintStream(out, true, StandardCharsets.UTF_8))).execute(args);
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void shouldRefuseAnInstantThatIsNotIso8601WithExit2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = posture(err, "--as-of", "2026-12-01 09:00", "--set", "kafka.bootstrap.servers=127.0.0.1:1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo(
        "error: --as-of: not an ISO-8601 instant (like 2026-12-01T09:00:00Z): '2026-12-01 09:00'");
    assertThat(out.size()).isZero();
  }

  @Test
  void shouldSayInOneLineWhenTheTrailCannotBeReadWithExit3() {
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      int exit = posture(err, "--as-of", "2026-12-01T09:00:00Z", "--set", "kafka.bootstrap.servers=127.0.0.1:1",
          "--set", "sink.s3.bucket=audit", "--set", "sink.s3.endpoint=http://127.0.0.1:1");

      assertThat(exit).isEqualTo(3);
      assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
          .startsWith("error: cannot list s3://audit/compliance-audit/posture/:");
      assertThat(out.size()).isZero();
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
