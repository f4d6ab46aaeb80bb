package io.compliancestreams.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the one runnable: every component and tool is a sub-command. */
@Command(
    name = "compliance-streams",
    mixinStandardHelpOptions = true,
    version = "compliance-streams 0.1.0",
    description = "Continuous AWS security-practice evaluation on Kafka Streams.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
