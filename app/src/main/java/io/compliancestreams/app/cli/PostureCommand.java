package io.compliancestreams.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.posture.NoPostureAtInstant;
import io.compliancestreams.app.posture.PostureAsOf;
import io.compliancestreams.app.posture.PostureHistories;
import io.compliancestreams.streams.query.PostureSummary;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code posture --as-of INSTANT}: the whole posture at a past instant, rebuilt from the s3 sink's
 * audit trail when {@code sink.s3.bucket} is set, else from the delta topic.
 */
@Command(name = "posture", mixinStandardHelpOptions = true,
    description = "Rebuilds the whole posture at a past instant: from the S3 audit trail (the newest complete"
        + " daily posture snapshot at or before it, then the deltas after it) when sink.s3.bucket is set, else"
        + " from the delta topic (every delta from its beginning; only while it still holds its first deltas)."
        + " Counts as GET /api/posture shows them; NOT_APPLICABLE results are not in the deltas and not counted.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "2:invalid options or configuration, e.g. --as-of not an ISO-8601 instant",
        "3:no posture at that instant (before the earliest data kept, which the message names), or S3/Kafka"
            + " unreachable"})
public final class PostureCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(names = "--as-of", paramLabel = "INSTANT", required = true,
      description = "The ISO-8601 instant, e.g. 2026-12-01T09:00:00Z (evaluation time: the snapshots' capture"
          + " times and the events' times).")
  String asOf;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "table (default: counts per practice and per account) or json (one object: counts and"
          + " findings).")
  OutputFormat output = OutputFormat.table;

  private final PrintStream out;

  public PostureCommand() {
    this(System.out);
  }

  PostureCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    Instant instant;
    AppConfig loaded;
    try {
      instant = parse(asOf);
      loaded = config.load();
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    PostureAsOf posture;
    try {
      if (!io.compliancestreams.app.run.SinkFactory.configured("s3", loaded)) {
        OneShotKafka.of(loaded).requireReachable(); // one line within kafka.command.timeout if not
      }
      posture = PostureHistories.of(loaded).at(instant);
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (NoPostureAtInstant | OneShotKafka.Unreachable | IllegalStateException e) {
      System.err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_ERROR;
    }
    if (output == OutputFormat.json) {
      out.println(json().writeValueAsString(posture.toMap(true)));
    } else {
      table(posture);
    }
    return ExitCodes.OK;
  }

  static Instant parse(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigException("--as-of: not an ISO-8601 instant (like 2026-12-01T09:00:00Z): '" + text + "'");
    }
  }

  static ObjectMapper json() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private void table(PostureAsOf posture) {
    out.println("posture as of " + posture.asOf() + " from " + posture.source()
        + (posture.snapshotAt() == null ? "" : " (snapshot taken " + posture.snapshotAt() + ")"));
    out.printf("%-8s %-14s %6s %6s %10s %6s  %s%n", "PRACTICE", "CONTROL", "PASS", "FAIL", "SUPPRESSED", "ERROR",
        "TITLE");
    for (PostureSummary.PracticeCounts p : posture.summary().practices()) {
      out.printf("%-8d %-14s %6d %6d %10d %6d  %s%n", p.practice(), p.controlId(), p.pass(), p.fail(),
          p.suppressed(), p.error(), p.title());
    }
    out.printf("%n%-14s %6s %6s %10s%n", "ACCOUNT", "PASS", "FAIL", "SUPPRESSED");
    for (PostureSummary.AccountCounts a : posture.summary().accounts()) {
      out.printf("%-14s %6d %6d %10d%n", a.accountId(), a.pass(), a.fail(), a.suppressed());
    }
  }
}
