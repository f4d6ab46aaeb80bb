package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.http.OpsServer;
import io.compliancestreams.app.run.ProcessMeters;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.SinkTopics;
import io.compliancestreams.sinks.runner.SinkSettings;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.javalin.util.JavalinBindException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sink slack|jira|s3|ocsf}: runs one sink (its own consumer group) until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {"Runs one sink until Ctrl-C: slack, jira, s3 (audit trail) or ocsf (SIEM topic / Splunk HEC)."
        + " Each is its own consumer group of compliance.finding.delta.v1.",
        "Serves /health (200 while the sink consumes, 503 once it stopped) and /metrics (Prometheus, the"
        + " compliance_sink_* meters and the consumer's kafka_consumer_*) on http.bind:http.port, with http.token as for the query API."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped cleanly (Ctrl-C or SIGTERM)", "2:invalid configuration (the message names the key)",
        "3:runtime failure (the sink stopped by itself, or could not start, e.g. http.port in use)"})
public final class SinkCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Mixin EmbeddedBrokerOption embedded = new EmbeddedBrokerOption();

  @Parameters(paramLabel = "NAME", description = "slack, jira, s3 or ocsf") String name;

  @Override
  public Integer call() throws Exception {
    SinkRunner runner;
    List<AutoCloseable> running = new ArrayList<>();
    AppConfig loaded;
    OneShotKafka kafka;
    PrometheusMeterRegistry meters = ProcessMeters.create();
    try {
      if (!SinkFactory.NAMES.contains(name)) {
        throw new ConfigException("unknown sink '" + name + "', expected one of " + SinkFactory.NAMES);
      }
      loaded = embedded.apply(config.load(), running);
      // A wrong password or a missing ACL ends the sink now, in one line naming what is missing,
      // not later in its consumer's log.
      kafka = OneShotKafka.of(loaded).requireLogin()
          .requireGroupAccess(List.of(SinkSettings.groupId(Settings.topics(loaded).prefix(), name)))
          .requireTopicAccess(SinkTopics.access(name, loaded));
      runner = SinkFactory.runner(name, loaded, meters);
      running.add(runner);
    } catch (ConfigException e) {
      Running.closeAll(running);
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (OneShotKafka.Unreachable e) {
      Running.closeAll(running);
      System.err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_ERROR;
    }
    String bind = loaded.string(ConfigKeys.HTTP_BIND);
    OpsServer http;
    try {
      http = new OpsServer("sink " + name, runner::running, meters, loaded.get(ConfigKeys.HTTP_TOKEN).orElse(null))
          .start(bind, loaded.integer(ConfigKeys.HTTP_PORT));
    } catch (JavalinBindException e) {
      Running.closeAll(running);
      System.err.println("error: cannot listen on " + bind + ":" + loaded.integer(ConfigKeys.HTTP_PORT)
          + " (in use?): set http.port (HTTP_PORT) to a free port, or 0 for any");
      return ExitCodes.RUNTIME_ERROR;
    }
    UntilStopped stop = UntilStopped.onStop(() -> {
      http.close();
      Running.closeAll(running);
    });
    System.out.printf("sink %s started: /health and /metrics on http://%s:%d/%n", name, bind, http.port());
    String refused = null;
    try {
      runner.run();
    } catch (RuntimeException e) {
      // An ACL removed while it runs: the same one line as at start; anything else, the log says.
      refused = kafka.refusal(e, "READ or WRITE").orElse(null);
    }
    if (stop.requested()) {
      // Ctrl-C or SIGTERM: the shutdown hook finishes closing and ends the JVM with 0.
      Thread.currentThread().join();
    }
    // Stopped by itself: without the hook the JVM ends with 3, not the hook's 0 for a clean stop.
    stop.cancel();
    http.close();
    Running.closeAll(running);
    System.err.println("error: " + (refused != null ? refused : "sink " + name + " stopped by itself; the log says why"));
    return ExitCodes.RUNTIME_ERROR;
  }
}
