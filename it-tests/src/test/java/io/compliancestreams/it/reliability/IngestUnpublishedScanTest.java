package io.compliancestreams.it.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.IngestNode;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.streams.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Issue 17, fault 1: the ingest service with a schema registry that answers 401 to every
 * registration (Confluent Schema Registry's documented error shape). Before the fix, its full scan
 * logged "0 failed" and wrote an inventory record for every snapshot while the snapshot topic
 * received nothing. Now the scan says how many snapshots were not published and why, in one ERROR
 * line, writes no inventory for them, and once the registry answers again the next scan publishes
 * them and records them.
 */
class IngestUnpublishedScanTest {

  private static final String ACCOUNT = "123456789012";
  private static final Pattern SUMMARY =
      Pattern.compile("full scan \\S+: (\\d+) snapshots, (\\d+) not published, .*; (\\d+) inventory records written");
  private static final String REGISTER = "/subjects/.*/versions";

  @Test
  void shouldReportUnpublishedSnapshotsAndKeepThemOutOfTheInventoryUntilTheRegistryRecovers() throws Exception {
    Topics topics = new Topics("unpublished-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger nodeLog = (Logger) LoggerFactory.getLogger(IngestNode.class);
    nodeLog.addAppender(logs);
    System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_ACCESS_KEY);
    WireMockServer registry = new WireMockServer(options().dynamicPort());
    registry.start();
    try (AwsEmulator aws = AwsEmulator.start(); KafkaBroker broker = KafkaBroker.start();
        IamClient iam = IamClient.builder().endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL)
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY))).build()) {
      String userId = iam.createUser(u -> u.userName("audited")).user().userId();
      String userInventoryKey = ACCOUNT + "/global/iam.users|" + ACCOUNT + "/global/AWS::IAM::User/" + userId;
      registry.stubFor(post(urlPathMatching(REGISTER)).willReturn(aResponse().withStatus(401)
          .withHeader("Content-Type", "application/vnd.schemaregistry.v1+json")
          .withBody("{\"error_code\":401,\"message\":\"Unauthorized\"}")));
      Map<String, String> env = new HashMap<>(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
          "AWS_ENDPOINT_URL", aws.endpoint().toString(),
          "SCHEMA_REGISTRY_URL", registry.baseUrl(),
          "TOPIC_PREFIX", topics.prefix(),
          "TOPIC_PARTITIONS", "1",
          "INGEST_REGIONS", "us-east-1",
          // The second scan soon after the first: the registry has recovered by then.
          "INGEST_RESYNC_INTERVAL", "PT5S"));
      AppConfig config = AppConfig.load(null, env, Map.of());

      try (IngestNode node = IngestNode.start(config)) {
        await("the first full scan's summary").atMost(Duration.ofMinutes(3)).until(() -> logs.list.stream()
            .anyMatch(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().startsWith("full scan ")));
        // Recover the registry at once, before the next scan (5 s later) registers anything.
        registry.resetAll();
        registry.stubFor(post(urlPathMatching(REGISTER)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/vnd.schemaregistry.v1+json")
            .withBody("{\"id\":7}")));
        long snapshotsEnd = endOffset(broker, topics.snapshots());
        long inventoryEnd = endOffset(broker, topics.inventory());
        assertThat(inventoryEnd).as("inventory records claiming snapshots the topic never received (%d records)",
            snapshotsEnd).isZero();
        long[] first = summaries(logs).get(0);

        assertThat(snapshotsEnd).as("records on the snapshot topic during the outage").isZero();
        assertThat(first[0]).as("snapshots counted as published").isZero();
        assertThat(first[1]).as("snapshots counted as not published").isGreaterThan(100);
        assertThat(first[2]).as("inventory records written for unpublished snapshots").isZero();
        List<String> errors = logs.list.stream().filter(e -> e.getLevel() == Level.ERROR)
            .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(errors).singleElement().satisfies(line -> assertThat(line)
            .contains(first[1] + " of " + first[1] + " snapshots not published")
            .contains("401").contains("Unauthorized"));

        await("a full scan after the registry recovered").atMost(Duration.ofMinutes(3))
            .until(() -> summaries(logs).stream().anyMatch(s -> s[0] > 0 && s[1] == 0));
        long[] recovered = summaries(logs).stream().filter(s -> s[0] > 0 && s[1] == 0).findFirst().orElseThrow();
        assertThat(recovered[0]).as("the snapshots the first scan could not publish").isGreaterThanOrEqualTo(first[1]);
        assertThat(endOffset(broker, topics.snapshots())).isGreaterThanOrEqualTo(recovered[0]);
        assertThat(recovered[2]).as("inventory records written once published").isGreaterThan(0);
        assertThat(inventoryKeys(broker, topics.inventory())).contains(userInventoryKey);
        registry.verify(postRequestedFor(urlPathMatching(REGISTER)));
      }
    } finally {
      nodeLog.detachAppender(logs);
      registry.stop();
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  /** Each summary line so far: snapshots published, not published, inventory records written. */
  private static List<long[]> summaries(ListAppender<ILoggingEvent> logs) {
    List<long[]> out = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      Matcher m = SUMMARY.matcher(event.getFormattedMessage());
      if (m.find()) {
        out.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
      }
    }
    return out;
  }

  private static long endOffset(KafkaBroker broker, String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(broker)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      return consumer.endOffsets(List.of(partition)).get(partition);
    }
  }

  private static List<String> inventoryKeys(KafkaBroker broker, String topic) {
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(broker)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  private static KafkaConsumer<String, byte[]> consumer(KafkaBroker broker) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer());
  }
}
