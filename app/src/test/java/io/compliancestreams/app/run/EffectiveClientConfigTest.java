package io.compliancestreams.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.compliancestreams.app.Main;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.common.config.AbstractConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Against the in-JVM broker: every Kafka client the product creates (Kafka Streams and its inner
 * clients, the query API's delta feed, topic creation, a sink's consumer, dead-letter producer,
 * output producer and admin client, the one-shot commands' clients) starts from the one {@code
 * kafka.*} configuration. Each Kafka client logs the values it runs with when it is created; the
 * test reads those lines.
 */
class EffectiveClientConfigTest {

  /** A harmless property with a value no default has, so a client without it shows. */
  private static final String MARK = "metadata.max.age.ms = 271828";

  private static KafkaBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldHandThePassThroughToEveryClientOfStreamsASinkAndTheTopicsCommand() throws Exception {
    Logger configLog = (Logger) LoggerFactory.getLogger(AbstractConfig.class);
    Level before = configLog.getLevel();
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    configLog.addAppender(logged);
    configLog.setLevel(Level.INFO);
    String prefix = "eff-" + UUID.randomUUID().toString().substring(0, 6) + ".";
    Map<String, String> flags = Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
        "kafka.metadata.max.age.ms", "271828", "topic.prefix", prefix, "topic.partitions", "1",
        "streams.state.dir", dir.resolve("state").toString(), "http.port", "0");
    try {
      AppConfig config = AppConfig.load(null, Map.of(), flags);
      try (StreamsNode streams = StreamsNode.start(config)) {
        assertThat(streams.awaitRunning(Duration.ofSeconds(60))).as("streams running").isTrue();
        SinkRunner sink = SinkFactory.runner("ocsf", config, new SimpleMeterRegistry());
        sink.start();
        sink.close();
      }
      List<String> args = new java.util.ArrayList<>(List.of("topics"));
      flags.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
      assertThat(Main.commandLine().execute(args.toArray(String[]::new))).as("topics").isZero();
    } finally {
      configLog.detachAppender(logged);
      configLog.setLevel(before);
    }

    List<String> blocks = logged.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(" values: ")).toList();
    Set<String> kinds = new TreeSet<>();
    List<String> without = new java.util.ArrayList<>();
    for (String block : blocks) {
      String kind = block.substring(0, block.indexOf(" values: ")).strip();
      kinds.add(kind);
      if (!block.contains(MARK)) {
        without.add(kind + ": " + block.lines().filter(l -> l.contains("client.id =")).findFirst().orElse("?"));
      }
    }
    assertThat(kinds).contains("StreamsConfig", "ProducerConfig", "ConsumerConfig", "AdminClientConfig");
    assertThat(blocks.size()).as("clients created").isGreaterThanOrEqualTo(10);
    assertThat(without).as("clients created without the kafka.* settings").isEmpty();
  }

  @Test
  void shouldFailOneShotCommandsFastWhenTheSecurityProtocolDoesNotMatchTheBroker() {
    // SSL against a PLAINTEXT listener cannot connect: the clients got the setting, and say so in time.
    for (List<String> command : List.of(List.of("topics"), List.of("replay", dir.resolve("none.json").toString()))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--set", "kafka.bootstrap.servers=" + broker.bootstrapServers(),
          "--set", "kafka.security.protocol=SSL", "--set", "kafka.command.timeout=PT3S"));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      long began = System.nanoTime();
      int exit;
      try {
        exit = Main.commandLine().execute(args.toArray(String[]::new));
      } finally {
        System.setErr(original);
      }
      long millis = (System.nanoTime() - began) / 1_000_000;
      String printed = err.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(command + ": " + printed).isEqualTo(3);
      assertThat(printed).as(command.get(0)).contains("error: cannot reach Kafka at " + broker.bootstrapServers());
      assertThat(millis).as(command.get(0) + " took").isLessThan(15_000);
    }
  }
}
