package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.SinkTopics;
import io.compliancestreams.streams.topology.TopicCreator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code topics}: creates missing topics and verifies the existing ones. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Creates every missing topic the pipeline and its sinks write (partitions, cleanup policy,"
        + " retention as documented in schemas/README.md) and verifies existing ones: partition count"
        + " (a warning, an error for the co-partitioned inputs) and cleanup policy (compacted ones must be).",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "2:invalid options, input or configuration (the message names it)",
        "3:runtime failure (Kafka unreachable, missing topics with topics.create=false, a topic that must be compacted is not)"})
public final class TopicsCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Mixin EmbeddedBrokerOption embedded = new EmbeddedBrokerOption();

  @Override
  public Integer call() {
    List<AutoCloseable> running = new ArrayList<>();
    OneShotKafka kafka = null;
    String operation = "DESCRIBE or CREATE";
    try {
      AppConfig loaded = embedded.apply(config.load(), running);
      kafka = OneShotKafka.of(loaded).requireReachable();
      TopicCreator creator = new TopicCreator(Settings.streams(loaded, null), SinkTopics.all(loaded));
      List<String> created = creator.ensureTopics();
      System.out.println(created.isEmpty() ? "all topics exist" : "created " + String.join(", ", created));
      operation = "DESCRIBE_CONFIGS";
      TopicCreator.Check check = creator.check();
      check.warnings().forEach(w -> System.err.println("warning: " + w));
      check.errors().forEach(e -> System.err.println("error: " + e));
      System.out.println("verified " + check.topics() + " topics");
      return check.errors().isEmpty() ? ExitCodes.OK : ExitCodes.RUNTIME_ERROR;
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (OneShotKafka.Unreachable e) {
      System.err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_ERROR;
    } catch (RuntimeException e) {
      // A missing ACL: one line naming it (usually: run topics as an operator, docs/deployment.md#acls).
      return OneShotKafka.exitOnRefusal(kafka, e, operation);
    } finally {
      Running.closeAll(running);
    }
  }
}
