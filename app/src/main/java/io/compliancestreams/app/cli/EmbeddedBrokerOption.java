package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.logging.EmbeddedBrokerLog;
import io.compliancestreams.devkit.KafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --embedded-broker}: an in-JVM Kafka broker, only when asked for. Without
 * {@code kafka.bootstrap.servers} a command that needs Kafka used to start one silently, and a
 * deployment that forgot the key ran happily on a broker whose data vanished with the process; now
 * it stops with one line naming the key (exit 2).
 */
final class EmbeddedBrokerOption {

  @Option(names = "--embedded-broker",
      description = "Without kafka.bootstrap.servers, start an in-JVM Kafka broker (a trial: its data lives only"
          + " as long as the process). Without either, the command stops (exit 2).")
  boolean enabled;

  /**
   * {@code config} as it is when it names a cluster; otherwise, with {@code --embedded-broker}, the
   * same pointing at a broker started here and added to {@code running} (closed with the rest).
   *
   * @throws ConfigException naming {@code kafka.bootstrap.servers} when it is unset and no broker was asked for
   */
  AppConfig apply(AppConfig config, List<AutoCloseable> running) {
    if (config.get(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS).isPresent()) {
      return config;
    }
    if (!enabled) {
      throw new ConfigException(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.key() + " ("
          + ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.env() + ") is required: the Kafka cluster to use"
          + " (or --embedded-broker for a throw-away in-JVM broker)");
    }
    // The broker's own loggers (INFO chatter, retriable ERRORs) go to a file, not the user's console.
    Optional<Path> brokerLog = EmbeddedBrokerLog.routeToFile();
    KafkaBroker broker = KafkaBroker.start();
    running.add(broker);
    System.err.println("--embedded-broker: started an in-JVM broker at " + broker.bootstrapServers()
        + "; its data is lost when the process ends" + brokerLog.map(file -> "; its log: " + file).orElse(""));
    return config.with(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers());
  }
}
