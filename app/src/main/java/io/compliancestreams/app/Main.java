package io.compliancestreams.app;

import io.compliancestreams.app.cli.EvaluateCommand;
import io.compliancestreams.app.cli.HealthCommand;
import io.compliancestreams.app.cli.IngestCommand;
import io.compliancestreams.app.cli.ReplayCommand;
import io.compliancestreams.app.cli.RunCommand;
import io.compliancestreams.app.cli.PostureCommand;
import io.compliancestreams.app.cli.PracticesCommand;
import io.compliancestreams.app.cli.ScanCommand;
import io.compliancestreams.app.cli.SinkCommand;
import io.compliancestreams.app.cli.StreamsCommand;
import io.compliancestreams.app.cli.SuppressCommand;
import io.compliancestreams.app.cli.TopicsCommand;
import io.compliancestreams.app.logging.RedactingOutputStream;
import io.compliancestreams.schemas.redact.Redactor;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the one runnable: every component and tool is a sub-command. */
@Command(
    name = "compliance-streams",
    mixinStandardHelpOptions = true,
    version = "compliance-streams 0.1.0",
    description = "Continuous AWS security-practice evaluation on Kafka Streams.",
    subcommands = {
      io.compliancestreams.app.demo.DemoCommand.class,
      PracticesCommand.class,
      EvaluateCommand.class,
      ScanCommand.class,
      RunCommand.class,
      StreamsCommand.class,
      IngestCommand.class,
      ReplayCommand.class,
      SinkCommand.class,
      TopicsCommand.class,
      SuppressCommand.class,
      PostureCommand.class,
      HealthCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    // Whatever gets printed — by a command, a library, an uncaught exception — is redacted of the
    // secrets the configuration registers when it is loaded.
    RedactingOutputStream.install();
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line. An unknown command is one line naming it (exit 2, like an
   * unknown option). An unexpected exception prints one line (the class and message)
   * and exits with 3; user mistakes are handled by the commands themselves (exit 2), so no user
   * ever sees a stack trace. Set LOG_LEVEL=DEBUG to get the trace in the log. The line is redacted:
   * the message may quote a remote server that echoed our credentials.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler((ex, args) -> {
      String command = unknownCommand(ex);
      if (command == null) {
        return standard.handleParseException(ex, args);
      }
      ex.getCommandLine().getErr().println("error: unknown command '" + command + "' (see --help)");
      return 2;
    });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + Redactor.redact(describe(ex)));
          org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", ex);
          return 3;
        });
    return cli;
  }

  /**
   * The word given where a command was expected (compliance-streams frobnicate), or null for any other
   * mistake, which picocli reports with the usage as before.
   */
  private static String unknownCommand(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)
        || ex.getCommandLine().getParent() != null || ex.getCommandLine().getParseResult().hasSubcommand()) {
      return null;
    }
    List<String> words = unmatched.getUnmatched();
    return words.isEmpty() || words.get(0).startsWith("-") ? null : words.get(0);
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    return message == null ? ex.getClass().getSimpleName() : message;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
