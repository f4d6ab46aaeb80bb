package io.compliancestreams.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaClients.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InJvmKafkaBrokerTest {

  private static final Duration AT_MOST = Duration.ofSeconds(30);
  private static KafkaBroker broker;

  @BeforeAll
  static void startWithoutDocker() {
    broker = KafkaBroker.start(BrokerChoice.choose(Map.of(), () -> false));
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void shouldRunInThisJvmOnALoopbackPortWhenDockerIsAbsent() {
    assertThat(broker.source()).isEqualTo(Source.LOCAL);
    assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void shouldDeliverAProducedRecordToAConsumer() throws Exception {
    try (KafkaProducer<String, String> producer = KafkaClients.producer(broker)) {
      producer.send(new ProducerRecord<>("plain", "bucket-1", "PASS")).get();
    }

    try (TopicReader reader = new TopicReader(broker, "plain", "read_uncommitted")) {
      await("the consumer sees the produced record").atMost(AT_MOST)
          .untilAsserted(() -> assertThat(reader.recordsSoFar()).containsExactly("bucket-1=PASS"));
    }
  }

  @Test
  void shouldShowOnlyCommittedTransactionsToAReadCommittedConsumer() {
    try (KafkaProducer<String, String> producer = KafkaClients.transactionalProducer(broker, "tx-test")) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("transactional", "bucket-1", "aborted"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("transactional", "bucket-1", "committed"));
      producer.commitTransaction();
    }

    try (TopicReader reader = new TopicReader(broker, "transactional", "read_committed")) {
      await("the read_committed consumer sees the committed record").atMost(AT_MOST)
          .untilAsserted(() -> assertThat(reader.recordsSoFar()).containsExactly("bucket-1=committed"));
    }
  }

  @Test
  void shouldKeepRecordsWhenRestartedOnTheSameDataAndPort(@TempDir Path dataDir) throws Exception {
    int port = LoopbackPorts.free();
    try (KafkaBroker persistent = KafkaBroker.startInJvm(dataDir, port, LoopbackPorts.free())) {
      try (KafkaProducer<String, String> producer = KafkaClients.producer(persistent)) {
        producer.send(new ProducerRecord<>("durable", "bucket-1", "before-restart")).get();
      }

      persistent.restart();

      assertThat(persistent.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      try (TopicReader reader = new TopicReader(persistent, "durable", "read_committed")) {
        await("the restarted broker still serves the record").atMost(AT_MOST)
            .untilAsserted(() -> assertThat(reader.recordsSoFar()).containsExactly("bucket-1=before-restart"));
      }
    }
    assertThat(dataDir.resolve("meta.properties")).as("data kept after close").exists();
  }

  @Test
  void shouldDeleteItsTemporaryLogDirectoryOnClose() {
    Path logDir;
    try (KafkaBroker ephemeral = KafkaBroker.startInJvm()) {
      logDir = ephemeral.inJvmLogDir();
      assertThat(logDir.resolve("meta.properties")).exists();
    }
    assertThat(logDir).doesNotExist();
  }

  @Test
  void shouldRefuseToRestartABrokerItDidNotStart() {
    KafkaBroker external = KafkaBroker.start(new BrokerChoice(Source.EXTERNAL, "kafka:9092"));

    assertThatThrownBy(external::restart).isInstanceOf(UnsupportedOperationException.class);
    external.close();
  }
}
