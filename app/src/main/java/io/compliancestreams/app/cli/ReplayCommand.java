package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.PipelineTopics;
import io.compliancestreams.ingest.cloudtrail.ReplaySource;
import io.compliancestreams.ingest.publish.KafkaPublisher;
import io.compliancestreams.ingest.publish.TopicNames;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code replay}: sends CloudTrail records from files (or stdin) to the CloudTrail topic. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Publishes CloudTrail records to aws.cloudtrail.event.v1: a CloudTrail log file ({\"Records\":"
        + "[...]}, gzip or not), JSON lines, single records or EventBridge envelopes; '-' reads stdin."
        + " Malformed records go to the DLQ with their position.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "2:invalid options, input or configuration (the message names it)",
        "3:runtime failure (Kafka unreachable, missing topics with topics.create=false)"})
public final class ReplayCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Parameters(paramLabel = "FILE", arity = "1..*") List<String> files;

  @Override
  public Integer call() throws Exception {
    OneShotKafka kafka = null;
    String operation = "DESCRIBE or CREATE";
    try {
      AppConfig loaded = config.load();
      var topics = Settings.topics(loaded);
      kafka = OneShotKafka.of(loaded);
      var serdes = Settings.serdes(loaded);
      kafka.requireReachable();
      PipelineTopics.ensure(loaded);
      operation = "WRITE";
      // A record not acknowledged within kafka.command.timeout fails the replay (exit 3).
      try (KafkaPublisher publisher = KafkaPublisher.create(kafka.producer(), serdes,
          new TopicNames(topics.snapshots(), topics.cloudTrail()))) {
        ReplaySource replay = new ReplaySource(publisher);
        int events = 0;
        int dead = 0;
        for (String file : files) {
          ReplaySource.Result result = file.equals("-") ? replay.replay(System.in, "<stdin>") : replay.replay(Path.of(file));
          events += result.events();
          dead += result.deadLetters();
        }
        publisher.flush();
        System.out.printf("replayed %d events (%d to the dead-letter topic)%n", events, dead);
      }
      return ExitCodes.OK;
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (OneShotKafka.Unreachable e) {
      System.err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_ERROR;
    } catch (NoSuchFileException e) {
      System.err.println("error: " + e.getFile() + ": no such file");
      return ExitCodes.INPUT_ERROR;
    } catch (RuntimeException e) {
      // A missing ACL: one line naming it, rather than Kafka's "Not authorized to access topics".
      return OneShotKafka.exitOnRefusal(kafka, e, operation);
    }
  }
}
