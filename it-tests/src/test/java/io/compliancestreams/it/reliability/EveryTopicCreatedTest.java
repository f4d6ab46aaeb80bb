package io.compliancestreams.it.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.compliancestreams.app.cli.TopicsCommand;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.SinkTopics;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.ingest.publish.KafkaPublisher;
import io.compliancestreams.ingest.publish.TopicNames;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.compliancestreams.streams.topology.Topics;
import io.compliancestreams.streams.topology.Topics.TopicSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 13, item 5: every topic the product writes is created by the product, with {@code
 * topic.partitions} (compacted where it must be), on a broker that creates none by itself
 * ({@code auto.create.topics.enable=false}). Before, the OCSF topic and the sinks' dead-letter
 * topics were missing from {@code topics}, and the Slack/Jira maps had 1 partition.
 */
class EveryTopicCreatedTest {

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.startInJvm(Map.of("auto.create.topics.enable", "false"));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldCreateEveryTopicOfThePipelineAndItsSinksWithTheTopicsCommand() throws Exception {
    AppConfig config = config("all-topics.", 4, Map.of());
    List<TopicSpec> expected = new ArrayList<>(Settings.topics(config).specs());
    expected.addAll(SinkTopics.all(config));

    int exit = new CommandLine(new TopicsCommand()).execute("--set", "kafka.bootstrap.servers=" + broker.bootstrapServers(),
        "--set", "topic.prefix=all-topics.", "--set", "topic.partitions=4");

    assertThat(exit).isZero();
    assertThat(expected).extracting(TopicSpec::name).contains("all-topics.compliance.finding.ocsf.v1",
        "all-topics.compliance.sink.slack.posted.v1", "all-topics.compliance.sink.jira.issues.v1",
        "all-topics.compliance.finding.delta.v1.s3.dlq", "all-topics.compliance.finding.delta.v1.ocsf.dlq");
    assertAsSpecified(expected, "all-topics.", 4);
  }

  @Test
  void shouldRunThePipelineAndEverySinkOnABrokerThatCreatesNoTopic() throws Exception {
    WireMockServer http = new WireMockServer(options().dynamicPort());
    http.start();
    List<AutoCloseable> running = new ArrayList<>();
    try {
      stubSlackAndJira(http);
      AppConfig config = config("no-auto.", 3, Map.of(
          "SLACK_WEBHOOK_URL", http.baseUrl() + "/services/T0/B0/x",
          "JIRA_URL", http.baseUrl(), "JIRA_EMAIL", "bot@example.com", "JIRA_API_TOKEN", "jira-token",
          "JIRA_PROJECT", "SEC"));
      // Each sink first, before streams: the sink must not depend on streams having created anything.
      for (String name : List.of("ocsf", "slack", "jira")) {
        SinkRunner runner = SinkFactory.runner(name, config, new SimpleMeterRegistry());
        runner.start();
        running.add(runner);
      }
      StreamsNode streams = StreamsNode.start(config);
      running.add(streams);
      assertThat(streams.awaitRunning(Duration.ofSeconds(90))).as("streams RUNNING").isTrue();
      Topics topics = Settings.topics(config);
      KafkaPublisher publisher = KafkaPublisher.create(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
          Settings.serdes(config), new TopicNames(topics.snapshots(), topics.cloudTrail()));
      running.add(publisher);
      publisher.snapshot(SnapshotRecords.of(PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0)))
          .get(30, TimeUnit.SECONDS);

      String ocsfTopic = "no-auto.compliance.finding.ocsf.v1";
      await("an OCSF event on " + ocsfTopic).atMost(Duration.ofSeconds(60)).until(() -> count(ocsfTopic) > 0);
      await("the Jira issue created").atMost(Duration.ofSeconds(60))
          .until(() -> !http.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
              urlPathEqualTo("/rest/api/3/issue"))).isEmpty());

      List<TopicSpec> expected = new ArrayList<>(topics.specs());
      for (String name : List.of("ocsf", "slack", "jira")) {
        expected.addAll(SinkTopics.of(name, config));
      }
      assertAsSpecified(expected, "no-auto.", 3);
      // The map is written after the property (Jira first: it outlives the map).
      await("the Jira map remembered the issue").atMost(Duration.ofSeconds(30))
          .until(() -> count("no-auto.compliance.sink.jira.issues.v1") > 0);
    } finally {
      for (int i = running.size() - 1; i >= 0; i--) {
        running.get(i).close();
      }
      http.stop();
    }
  }

  /** Every expected topic exists with {@code partitions}; compacted ones are; no other prefixed topic differs. */
  private static void assertAsSpecified(List<TopicSpec> expected, String prefix, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      Set<String> present = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(name -> name.startsWith(prefix)).collect(Collectors.toSet());
      assertThat(present).containsAll(expected.stream().map(TopicSpec::name).toList());
      Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(described.values()).as("every topic under %s has %d partitions", prefix, partitions)
          .allSatisfy(d -> assertThat(d.partitions()).as(d.name()).hasSize(partitions));
      List<ConfigResource> compacted = expected.stream().filter(s -> "compact".equals(s.configs().get("cleanup.policy")))
          .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
      assertThat(compacted).extracting(ConfigResource::name)
          .contains(prefix + "compliance.sink.slack.posted.v1", prefix + "compliance.sink.jira.issues.v1");
      admin.describeConfigs(compacted).all().get(30, TimeUnit.SECONDS).forEach((resource, config) ->
          assertThat(config.get("cleanup.policy").value()).as(resource.name()).isEqualTo("compact"));
      System.out.printf("%d topics under %s, each with %d partitions%n", present.size(), prefix, partitions);
    }
  }

  private static long count(String topic) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static AppConfig config(String prefix, int partitions, Map<String, String> env) throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("kafka.bootstrap.servers", broker.bootstrapServers());
    values.put("topic.prefix", prefix);
    values.put("topic.partitions", Integer.toString(partitions));
    values.put("streams.application.id", prefix + "app");
    values.put("streams.state.dir", Files.createTempDirectory("every-topic").toString());
    values.put("http.port", "0");
    values.put("sink.max.attempts", "2");
    return AppConfig.load(null, env, values);
  }

  /** Slack's webhook answers "ok"; Jira as in EchoedSecretsTest's recorded shapes, creating SEC-1. */
  private static void stubSlackAndJira(WireMockServer http) throws Exception {
    http.stubFor(post("/services/T0/B0/x").willReturn(aResponse().withStatus(200).withBody("ok")));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes"))
        .willReturn(okJson(SecretsTest.resource("/jira/v3/createmeta-issuetypes.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/issue/createmeta/SEC/issuetypes/10001"))
        .willReturn(okJson(SecretsTest.resource("/jira/v3/createmeta-task-fields.json"))));
    http.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
    // Jira Cloud answers 201 (no body) when it creates an issue property.
    http.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(
        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/rest/api/3/issue/SEC-1/properties/.*"))
        .willReturn(aResponse().withStatus(201)));
    http.stubFor(post(urlPathEqualTo("/rest/api/3/issue")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"10000\",\"key\":\"SEC-1\",\"self\":\"" + http.baseUrl() + "/rest/api/3/issue/10000\"}")));
  }
}
