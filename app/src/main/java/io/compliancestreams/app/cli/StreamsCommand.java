package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.streams.topology.ComplianceStreamsApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code streams}: runs the Kafka Streams topology and its query API until stopped. */
@Command(name = "streams", mixinStandardHelpOptions = true,
    description = "Runs the streams topology (state, practices, deltas) and the query API until Ctrl-C."
        + " Start more instances with the same streams.application.id to share the work.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped cleanly (Ctrl-C or SIGTERM)", "2:invalid configuration (the message names the key)",
        "3:runtime failure (Kafka unreachable or refusing the login or a missing ACL, missing topics with"
            + " topics.create=false, a component failed)"})
public final class StreamsCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Mixin EmbeddedBrokerOption embedded = new EmbeddedBrokerOption();

  @Override
  public Integer call() throws Exception {
    List<AutoCloseable> running = new ArrayList<>();
    StreamsNode node;
    OneShotKafka kafka;
    try {
      AppConfig loaded = embedded.apply(config.load(), running);
      // A wrong password or a missing ACL would otherwise leave Kafka Streams replacing its
      // threads for ever: check the login first, bounded by kafka.command.timeout.
      kafka = OneShotKafka.of(loaded).requireLogin()
          .requireGroupAccess(ComplianceStreamsApp.consumerGroups(Settings.streams(loaded, null)));
      try {
        node = StreamsNode.start(loaded);
      } catch (RuntimeException e) {
        Running.closeAll(running);
        String line = kafka.refusal(e, "DESCRIBE or CREATE").orElseThrow(() -> e);
        System.err.println("error: " + line);
        return ExitCodes.RUNTIME_ERROR;
      }
      running.add(node);
    } catch (ConfigException e) {
      Running.closeAll(running);
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (OneShotKafka.Unreachable e) {
      Running.closeAll(running);
      System.err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_ERROR;
    }
    System.out.printf("streams started: query API on http://%s:%d/api/posture%n",
        node.self().host(), node.httpPort());
    UntilStopped stop = UntilStopped.onStop(() -> Running.closeAll(running));
    // Blocks until Kafka refuses the application at run time (a missing group or topic ACL shows
    // only once the stream threads poll); Ctrl-C or SIGTERM ends the JVM from the hook instead.
    Throwable refused = node.app().refused().join();
    stop.cancel();
    Running.closeAll(running);
    System.err.println("error: " + kafka.refusal(refused, "READ or WRITE")
        .orElse("Kafka refused the streams application: " + refused.getMessage()));
    return ExitCodes.RUNTIME_ERROR;
  }
}
