package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sink slack|jira|s3|ocsf}: runs one sink (its own consumer group) until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Runs one sink until Ctrl-C: slack, jira, s3 (audit trail) or ocsf (SIEM topic / Splunk HEC)."
        + " Each is its own consumer group of compliance.finding.delta.v1.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped cleanly (Ctrl-C or SIGTERM)", "2:invalid configuration (the message names the key)",
        "3:runtime failure (the sink stopped by itself, or could not start)"})
public final class SinkCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Mixin EmbeddedBrokerOption embedded = new EmbeddedBrokerOption();

  @Parameters(paramLabel = "NAME", description = "slack, jira, s3 or ocsf") String name;

  @Override
  public Integer call() throws Exception {
    SinkRunner runner;
    List<AutoCloseable> running = new ArrayList<>();
    try {
      if (!SinkFactory.NAMES.contains(name)) {
        throw new ConfigException("unknown sink '" + name + "', expected one of " + SinkFactory.NAMES);
      }
      runner = SinkFactory.runner(name, embedded.apply(config.load(), running), new SimpleMeterRegistry());
      running.add(runner);
    } catch (ConfigException e) {
      Running.closeAll(running);
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    UntilStopped stop = UntilStopped.onStop(() -> Running.closeAll(running));
    System.out.println("sink " + name + " started");
    runner.run();
    if (stop.requested()) {
      // Ctrl-C or SIGTERM: the shutdown hook finishes closing and ends the JVM with 0.
      Thread.currentThread().join();
    }
    System.err.println("error: sink " + name + " stopped by itself; the log says why");
    return ExitCodes.RUNTIME_ERROR;
  }
}
