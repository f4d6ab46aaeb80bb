package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.run.IngestNode;
import io.compliancestreams.app.run.ProcessMeters;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: every component in one process. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs every component in one process until Ctrl-C: the streams topology and query API,"
        + " the ingest service (real AWS through the default credential chain, or AWS_ENDPOINT_URL), and"
        + " every sink that is configured (OCSF always).",
        "Needs kafka.bootstrap.servers, or --embedded-broker for an in-JVM broker whose data lives only as"
        + " long as the process (fine for a trial, not for production)."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped cleanly (Ctrl-C or SIGTERM)", "2:invalid configuration (the message names the key)",
        "3:runtime failure (Kafka unreachable, missing topics with topics.create=false, a component failed)"})
public final class RunCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Mixin EmbeddedBrokerOption embedded = new EmbeddedBrokerOption();

  @Option(names = "--no-ingest", description = "Do not start the ingest service (feed snapshots another way).")
  boolean noIngest;

  @Override
  public Integer call() throws Exception {
    List<AutoCloseable> running = new ArrayList<>();
    try {
      AppConfig loaded = embedded.apply(config.load(), running);
      // One registry, served by the streams node's /metrics, so the ingest service's and the sinks'
      // meters (compliance_sink_*) show there too.
      PrometheusMeterRegistry meters = ProcessMeters.create();
      StreamsNode streams = StreamsNode.start(loaded, meters);
      running.add(streams);
      if (!noIngest) {
        running.add(IngestNode.start(loaded, meters));
      }
      for (String name : SinkFactory.NAMES) {
        if (SinkFactory.configured(name, loaded)) {
          SinkRunner runner = SinkFactory.runner(name, loaded, meters);
          runner.start();
          running.add(runner);
        }
      }
      System.out.printf("running: dashboard and API on http://%s:%d/%n", streams.self().host(), streams.httpPort());
    } catch (ConfigException e) {
      Running.closeAll(running);
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    UntilStopped.await(() -> Running.closeAll(running));
    return ExitCodes.OK;
  }

}
