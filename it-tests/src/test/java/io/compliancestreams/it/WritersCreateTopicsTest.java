package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.app.Main;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.streams.topology.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 17.5: whichever command writes to a fresh cluster first, the pipeline's topics are created
 * as {@code streams} creates them, so {@code streams} starts afterwards. The in-JVM broker keeps
 * Kafka's default {@code auto.create.topics.enable=true} with 1 partition per auto-created topic,
 * the setting under which the fault happened.
 */
class WritersCreateTopicsTest {

  private static final String RECORD = """
      {"eventVersion":"1.08","eventID":"5f4c2a57-0000-4000-8000-000000000001","eventTime":"2026-06-01T10:00:00Z",
       "eventSource":"s3.amazonaws.com","eventName":"DeleteBucketEncryption","awsRegion":"eu-west-1",
       "recipientAccountId":"111122223333","eventType":"AwsApiCall",
       "userIdentity":{"type":"IAMUser","accountId":"111122223333","arn":"arn:aws:iam::111122223333:user/ops"},
       "requestParameters":{"bucketName":"audit-logs"}}
      """.replace("\n", "");

  private static KafkaBroker broker;
  private static Admin admin;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.startInJvm();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
    Config config = admin.describeConfigs(List.of(node)).all().get(30, TimeUnit.SECONDS).get(node);
    // The fault's precondition: a producer alone would get a 1-partition topic.
    assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("true");
    assertThat(config.get("num.partitions").value()).isEqualTo("1");
  }

  @AfterAll
  static void stopBroker() {
    admin.close();
    broker.close();
  }

  @Test
  void shouldLetStreamsStartWhenReplayWroteFirstToAFreshCluster() throws Exception {
    String prefix = "replay-first.";
    Path file = Files.writeString(dir.resolve("trail.jsonl"), RECORD + "\n");

    Outcome replay = run("replay", "--set", kafka(), "--set", "topic.prefix=" + prefix, file.toString());

    assertThat(replay.exit()).as(replay.err()).isZero();
    // Before the fix: "topic replay-first.aws.cloudtrail.event.v1 has 1 partitions but topic.partitions is 6".
    try (StreamsNode streams = StreamsNode.start(AppConfig.load(null, Map.of(), Map.of(
        "kafka.bootstrap.servers", broker.bootstrapServers(), "topic.prefix", prefix,
        "streams.application.id", "replay-first", "streams.state.dir", dir.resolve("state").toString(),
        "http.port", "0")))) {
      assertThat(streams.awaitRunning(Duration.ofSeconds(90))).as("streams reached RUNNING").isTrue();
    }
    assertEveryPipelineTopicHasSixPartitions(prefix);
  }

  @Test
  void shouldCreateThePipelineTopicsWhenASuppressionIsTheFirstWrite() throws Exception {
    String prefix = "suppress-first.";

    Outcome add = run("suppress", "add", "--set", kafka(), "--set", "topic.prefix=" + prefix,
        "--practice", "10", "--reason", "migration", "--owner", "platform-team");

    assertThat(add.exit()).as(add.err()).isZero();
    assertEveryPipelineTopicHasSixPartitions(prefix);
  }

  @Test
  void shouldCreateTheTopicsASinkWritesWhenTheSinkStartsFirst() throws Exception {
    String prefix = "sink-first.";
    AppConfig config = AppConfig.load(null, Map.of(), Map.of(
        "kafka.bootstrap.servers", broker.bootstrapServers(), "topic.prefix", prefix));

    SinkFactory.runner("ocsf", config, new SimpleMeterRegistry()).close();

    assertEveryPipelineTopicHasSixPartitions(prefix);
    assertThat(partitions(Set.of(prefix + "compliance.finding.ocsf.v1", prefix + "compliance.finding.delta.v1.ocsf.dlq")))
        .containsOnly(Map.entry(prefix + "compliance.finding.ocsf.v1", 6),
            Map.entry(prefix + "compliance.finding.delta.v1.ocsf.dlq", 6));
  }

  @Test
  void shouldRefuseInOneLineAndWriteNothingWhenTopicsAreMissingAndCreationIsOff() throws Exception {
    String prefix = "locked-down.";
    Path file = Files.writeString(dir.resolve("trail.jsonl"), RECORD + "\n");

    Outcome replay = run("replay", "--set", kafka(), "--set", "topic.prefix=" + prefix,
        "--set", "topics.create=false", file.toString());

    assertThat(replay.exit()).isEqualTo(3);
    assertThat(replay.err().lines().filter(l -> l.startsWith("error: ")).toList()).singleElement()
        .satisfies(line -> assertThat(line).contains("missing topics", prefix + "aws.cloudtrail.event.v1",
            "topics.create=false"));
    assertThat(replay.err()).doesNotContain("\tat ");
    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).noneMatch(t -> t.startsWith(prefix));
  }

  private void assertEveryPipelineTopicHasSixPartitions(String prefix) throws Exception {
    Map<String, Integer> expected = new TreeMap<>();
    new Topics(prefix).specs().forEach(spec -> expected.put(spec.name(), 6));
    assertThat(partitions(expected.keySet())).isEqualTo(expected);
    ConfigResource inventory = new ConfigResource(ConfigResource.Type.TOPIC, new Topics(prefix).inventory());
    assertThat(admin.describeConfigs(List.of(inventory)).all().get(30, TimeUnit.SECONDS).get(inventory)
        .get("cleanup.policy").value()).isEqualTo("compact");
  }

  private static Map<String, Integer> partitions(Set<String> topics) throws Exception {
    Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
    Map<String, Integer> out = new TreeMap<>();
    described.forEach((name, d) -> out.put(name, d.partitions().size()));
    return out;
  }

  private static String kafka() {
    return "kafka.bootstrap.servers=" + broker.bootstrapServers();
  }

  private record Outcome(int exit, String err) {}

  private static Outcome run(String... args) throws IOException {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      int exit = Main.commandLine().execute(args);
      return new Outcome(exit, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
  }
}
