package io.compliancestreams.app.cli;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.Status;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evaluate}: runs every practice over AWS Config configuration items read from files. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates AWS Config configuration items (and our extension snapshots) against every"
          + " practice and prints the findings.",
      "Input: a JSON array, JSON lines, an AWS Config snapshot/history file"
          + " ({\"configurationItems\":[...]}) or a single item; gzip accepted; '-' or no file"
          + " reads stdin."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:success (nothing matched --fail-on)",
      "1:a finding matched --fail-on",
      "2:the input could not be read (the message names the file and position), or held nothing to"
          + " evaluate (no items, or only items of types no practice reads): whatever --fail-on says"
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "Files to read; '-' or none for stdin.")
  List<String> files = new ArrayList<>();

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "Evaluate at this ISO-8601 instant (default: now).")
  String asOf;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "table (default) or json (one finding per line).")
  OutputFormat output = OutputFormat.table;

  @Option(names = "--fail-on", paramLabel = "STATUS", split = ",",
      description = "Exit with 1 when a finding has one of these statuses (e.g. FAIL or FAIL,ERROR).")
  Set<Status> failOn = Set.of();

  private final Clock clock;
  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;

  public EvaluateCommand() {
    this(Clock.systemUTC(), System.in, System.out, System.err);
  }

  EvaluateCommand(Clock clock, InputStream stdin, PrintStream out, PrintStream err) {
    this.clock = clock;
    this.stdin = stdin;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Instant at;
    List<ConfigurationItem> items;
    try {
      at = evaluationInstant();
      items = readInputs();
    } catch (InputError e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    PracticeEngine engine = PracticeEngine.withDefaults();
    List<Practice> practices = engine.practices();
    // Nothing evaluated is not a pass: a CI job running --fail-on FAIL on the wrong file (or an
    // empty export) must not go green.
    if (items.isEmpty()) {
      err.println("error: 0 items evaluated: the input held no configuration items");
      return ExitCodes.INPUT_ERROR;
    }
    Set<String> readTypes = practices.stream().flatMap(p -> p.metadata().resourceTypes().stream())
        .collect(Collectors.toSet());
    if (items.stream().noneMatch(i -> readTypes.contains(i.resourceType()))) {
      Set<String> types = items.stream().map(ConfigurationItem::resourceType)
          .collect(Collectors.toCollection(java.util.TreeSet::new));
      err.printf("error: 0 items evaluated: %d item%s read, none of a type any practice reads (%s);"
          + " 'practices' lists the types each practice reads%n", items.size(), items.size() == 1 ? "" : "s",
          String.join(", ", types));
      return ExitCodes.INPUT_ERROR;
    }
    List<Evaluation> evaluations = engine.evaluate(items, at);
    if (output == OutputFormat.json) {
      Map<Integer, Practice> byNumber =
          practices.stream().collect(Collectors.toMap(Practice::number, Function.identity()));
      new EvaluationJsonLines().print(evaluations, byNumber, out);
    } else {
      out.printf("Evaluated %d configuration items at %s%n%n", items.size(), at);
      new EvaluationTable().print(evaluations, practices, out);
    }
    boolean matched = evaluations.stream().anyMatch(e -> failOn.contains(e.status()));
    return matched ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private Instant evaluationInstant() {
    if (asOf == null) {
      return clock.instant();
    }
    try {
      return Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new InputError("--as-of: not an ISO-8601 instant: '" + asOf + "' (e.g. 2026-06-01T00:00:00Z)");
    }
  }

  private List<ConfigurationItem> readInputs() {
    ConfigurationItemReader reader = new ConfigurationItemReader();
    if (files.isEmpty()) {
      return reader.read("<stdin>", stdin);
    }
    List<ConfigurationItem> items = new ArrayList<>();
    for (String file : files) {
      items.addAll(file.equals("-") ? reader.read("<stdin>", stdin) : reader.read(Path.of(file)));
    }
    return items;
  }
}
