package io.compliancestreams.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** An unknown command, and a command that needs Kafka without being told which: one line, exit 2. */
class CommandLineHygieneTest {

  @TempDir Path dir;

  @Test
  void shouldNameAnUnknownCommandAndExit2() {
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));

    int exit = cli.execute("frobnicate");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("error: unknown command 'frobnicate' (see --help)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldStopEveryKafkaCommandWithoutBootstrapServersUnlessAnEmbeddedBrokerIsAskedFor() {
    Assumptions.assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null, "KAFKA_BOOTSTRAP_SERVERS is set here");
    List<String> offenders = new ArrayList<>();
    for (List<String> command : List.of(List.of("run"), List.of("streams"), List.of("ingest"),
        List.of("sink", "ocsf"), List.of("topics"))) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--set", "streams.state.dir=" + dir.resolve("state"), "--set", "http.port=0"));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit;
      try {
        exit = Main.commandLine().execute(args.toArray(String[]::new));
      } finally {
        System.setErr(original);
      }
      String printed = err.toString(StandardCharsets.UTF_8).strip();
      if (exit != 2 || printed.lines().count() != 1 || !printed.startsWith(
          "error: kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS) is required") || !printed.contains("--embedded-broker")) {
        offenders.add(command + ": exit " + exit + ", " + printed);
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void shouldDocumentTheEmbeddedBrokerInEachCommandsHelp() {
    for (String command : List.of("run", "streams", "ingest", "sink", "topics")) {
      String usage = Main.commandLine().getSubcommands().get(command).getUsageMessage();
      assertThat(usage).as(command).contains("--embedded-broker");
    }
  }
}
