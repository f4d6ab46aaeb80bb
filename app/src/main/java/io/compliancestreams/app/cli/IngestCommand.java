package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.run.IngestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ingest}: scans, resyncs, serves rescans and reads the CloudTrail / AWS Config queues. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Runs the ingest service until Ctrl-C: a full scan at start and every"
        + " ingest.resync.interval, targeted rescans requested by the topology, and the configured SQS"
        + " sources (CloudTrail via EventBridge, CloudTrail log files in S3, AWS Config notifications).",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped cleanly (Ctrl-C or SIGTERM)", "2:invalid configuration (the message names the key)",
        "3:runtime failure (Kafka unreachable, missing topics with topics.create=false, a component failed)"})
public final class IngestCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Mixin EmbeddedBrokerOption embedded = new EmbeddedBrokerOption();

  @Override
  public Integer call() throws Exception {
    List<AutoCloseable> running = new ArrayList<>();
    try {
      AppConfig loaded = embedded.apply(config.load(), running);
      // A wrong password or a missing ACL ends the service now, in one line naming what is
      // missing, not in its clients' log after the first scan.
      OneShotKafka.of(loaded).requireLogin()
          .requireGroupAccess(List.of(IngestNode.rescanGroup(loaded)))
          .requireTopicAccess(IngestNode.access(loaded));
      running.add(IngestNode.start(loaded));
    } catch (ConfigException e) {
      Running.closeAll(running);
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (OneShotKafka.Unreachable e) {
      Running.closeAll(running);
      System.err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_ERROR;
    }
    System.out.println("ingest started");
    UntilStopped.await(() -> Running.closeAll(running));
    return ExitCodes.OK;
  }
}
