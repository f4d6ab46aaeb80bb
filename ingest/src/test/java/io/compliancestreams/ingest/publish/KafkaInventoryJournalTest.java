package io.compliancestreams.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.ingest.scan.InventoryChange;
import io.compliancestreams.ingest.scan.KnownResource;
import io.compliancestreams.ingest.scan.ScanInventory;
import io.compliancestreams.ingest.scan.Scope;
import io.compliancestreams.schemas.topics.CompactedTopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inventory journal on a real broker: what two scans wrote is what a restarted process loads. */
class KafkaInventoryJournalTest {

  private static final String ACCOUNT = "123456789012";
  private static final Scope USERS = new Scope(ACCOUNT, "global", "iam.users");
  private static final Scope BUCKETS = new Scope(ACCOUNT, "global", "s3.buckets");
  private static final Scope KEYS = new Scope(ACCOUNT, "eu-west-1", "kms.keys");

  private static final KnownResource ALICE = user("AIDAALICE", "alice");
  private static final KnownResource BOB = user("AIDABOB", "bob");
  private static final KnownResource CAROL = user("AIDACAROL", "carol");
  private static final KnownResource LOGS = bucket("logs", "logs");
  private static final KnownResource LOGS_RENAMED = bucket("logs", "audit-logs");
  private static final KnownResource DATA = bucket("data", "data");
  private static final KnownResource KEY = new KnownResource(ACCOUNT, "eu-west-1", "AWS::KMS::Key", "k-1",
      "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/k-1", null);

  private static KafkaBroker broker;
  private static Map<String, Object> client;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    client = Map.of("bootstrap.servers", broker.bootstrapServers());
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void shouldLoadTheLatestInventoryOfEveryScopeWrittenByTwoScans() throws Exception {
    String topic = compactedTopic();
    try (KafkaInventoryJournal journal = KafkaInventoryJournal.create(client, topic)) {
      journal.record(new InventoryChange(USERS, List.of(ALICE, BOB), List.of()));
      journal.record(new InventoryChange(BUCKETS, List.of(LOGS, DATA), List.of()));
      journal.record(new InventoryChange(KEYS, List.of(KEY), List.of()));
      assertThat(journal.flush()).isEqualTo(5);

      journal.record(new InventoryChange(USERS, List.of(CAROL), List.of(BOB.key())));
      journal.record(new InventoryChange(BUCKETS, List.of(LOGS_RENAMED), List.of(DATA.key())));
      journal.record(new InventoryChange(KEYS, List.of(), List.of(KEY.key())));
      assertThat(journal.flush()).isEqualTo(5);
      assertThat(journal.flush()).as("nothing recorded since").isZero();
    }

    ScanInventory restored = new ScanInventory();
    int loaded;
    try (KafkaInventoryJournal restarted = KafkaInventoryJournal.create(client, topic)) {
      loaded = restarted.load(restored);
    }

    assertThat(loaded).isEqualTo(3);
    assertThat(restored.scopes()).containsExactlyInAnyOrder(USERS, BUCKETS);
    assertThat(restored.resources(USERS)).isEqualTo(byKey(ALICE, CAROL));
    assertThat(restored.resources(BUCKETS)).isEqualTo(byKey(LOGS_RENAMED));
    assertThat(restored.resources(KEYS)).isEmpty();
  }

  @Test
  void shouldWriteOneRecordPerScopeAndResourceWithATombstoneForARemovedOne() throws Exception {
    String topic = compactedTopic();
    try (KafkaInventoryJournal journal = KafkaInventoryJournal.create(client, topic)) {
      journal.record(new InventoryChange(USERS, List.of(ALICE), List.of(BOB.key())));
      journal.flush();
    }

    Map<String, String> records = new LinkedHashMap<>();
    new CompactedTopicReader(client, "inventory-test", Duration.ofSeconds(30)).readToEnd(topic,
        r -> records.put(r.key(), r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)));

    assertThat(records).containsOnlyKeys(
        ACCOUNT + "/global/iam.users|" + ACCOUNT + "/global/AWS::IAM::User/AIDAALICE",
        ACCOUNT + "/global/iam.users|" + ACCOUNT + "/global/AWS::IAM::User/AIDABOB");
    assertThat(records.get(ACCOUNT + "/global/iam.users|" + ACCOUNT + "/global/AWS::IAM::User/AIDAALICE"))
        .isEqualTo("{\"scope\":{\"accountId\":\"" + ACCOUNT + "\",\"region\":\"global\",\"collector\":\"iam.users\"},"
            + "\"resource\":{\"accountId\":\"" + ACCOUNT + "\",\"region\":\"global\",\"resourceType\":\"AWS::IAM::User\","
            + "\"resourceId\":\"AIDAALICE\",\"arn\":\"arn:aws:iam::" + ACCOUNT + ":user/alice\",\"name\":\"alice\"}}");
    assertThat(records.get(ACCOUNT + "/global/iam.users|" + ACCOUNT + "/global/AWS::IAM::User/AIDABOB")).isNull();
  }

  @Test
  void shouldFailToLoadAMissingTopicWithoutCreatingItOrTouchingTheInventory() throws Exception {
    String topic = "inventory-missing-" + UUID.randomUUID();
    ScanInventory inventory = new ScanInventory();

    try (KafkaInventoryJournal journal = KafkaInventoryJournal.create(client, topic)) {
      assertThatThrownBy(() -> journal.load(inventory)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(topic);
    }

    assertThat(inventory.scopes()).isEmpty();
    try (Admin admin = Admin.create(client)) {
      assertThat(admin.listTopics().names().get()).doesNotContain(topic);
    }
  }

  private static String compactedTopic() throws Exception {
    String topic = "inventory-" + UUID.randomUUID();
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
          .all().get();
    }
    return topic;
  }

  private static Map<String, KnownResource> byKey(KnownResource... resources) {
    Map<String, KnownResource> out = new LinkedHashMap<>();
    for (KnownResource r : resources) {
      out.put(r.key(), r);
    }
    return out;
  }

  private static KnownResource user(String id, String name) {
    return new KnownResource(ACCOUNT, "global", "AWS::IAM::User", id, "arn:aws:iam::" + ACCOUNT + ":user/" + name, name);
  }

  private static KnownResource bucket(String id, String name) {
    return new KnownResource(ACCOUNT, "global", "AWS::S3::Bucket", id, "arn:aws:s3:::" + id, name);
  }
}
