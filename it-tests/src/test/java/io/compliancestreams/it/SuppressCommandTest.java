package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.app.Main;
import io.compliancestreams.devkit.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The mutelist commands against a real broker: add, list, remove. */
class SuppressCommandTest {

  private String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = Main.commandLine().execute(args);
      assertThat(code).as("exit code of %s", String.join(" ", args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldAddListAndRemoveASuppression() {
    try (KafkaBroker broker = KafkaBroker.start()) {
      String kafka = "kafka.bootstrap.servers=" + broker.bootstrapServers();
      run("topics", "--set", kafka, "--set", "topic.prefix=sup.", "--set", "topic.partitions=1");
      String id = run("suppress", "add", "--set", kafka, "--set", "topic.prefix=sup.",
          "--practice", "10", "--account", "111122223333", "--arn", "arn:aws:s3:::legacy-*",
          "--reason", "migration planned", "--owner", "platform-team",
          "--expires", "2027-01-01T00:00:00Z").trim();
      assertThat(id).startsWith("sup-");
      String listed = run("suppress", "list", "--set", kafka, "--set", "topic.prefix=sup.");
      assertThat(listed).contains(id, "arn:aws:s3:::legacy-*", "2027-01-01T00:00:00Z", "platform-team: migration planned");
      run("suppress", "remove", id, "--set", kafka, "--set", "topic.prefix=sup.");
      assertThat(run("suppress", "list", "--set", kafka, "--set", "topic.prefix=sup.")).doesNotContain(id);
    }
  }
}
