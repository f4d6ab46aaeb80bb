package io.compliancestreams.it.secured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.compliancestreams.app.Main;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.KafkaClientSettings;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.BrokerSecurity;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.ingest.publish.KafkaPublisher;
import io.compliancestreams.ingest.publish.TopicNames;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.compliancestreams.streams.topology.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 2: the product against a broker with security on — SASL_PLAINTEXT with
 * SCRAM-SHA-512 users created when KRaft formats its log, and ACLs enforced by KRaft's
 * StandardAuthorizer with nothing allowed by default. Every client is configured through the
 * {@code kafka.*} pass-through keys only. Ingest (its publisher and {@code replay}), the streams
 * application and the OCSF sink each log in as their own user holding exactly the ACLs of
 * docs/deployment.md's table ({@link DocumentedAcls}).
 */
class SecuredKafkaTest {

  private static final String PREFIX = "sec.";
  private static final String APP_ID = "sec-app";
  private static final Map<String, String> PASSWORDS = Map.of(
      "ingest", "ingest-pw-7f3a9c", "streams", "streams-pw-2b8e1d", "sink-ocsf", "sink-pw-5c0f4e",
      "ingest-partial", "partial-pw-9d2a6b", "streams-nogroup", "partial-pw-3f8c0a",
      "streams-notxn", "partial-pw-6e2d9b", "sink-ocsf-noread", "partial-pw-1a7c3e");
  private static final String ADMIN_PASSWORD = "admin-pw-4e7b1a";

  private static final String RECORD = """
      {"eventVersion":"1.08","eventID":"5f4c2a57-0000-4000-8000-000000000013","eventTime":"2026-06-01T10:00:00Z",
       "eventSource":"s3.amazonaws.com","eventName":"DeleteBucketEncryption","awsRegion":"eu-west-1",
       "recipientAccountId":"111122223333","eventType":"AwsApiCall",
       "userIdentity":{"type":"IAMUser","accountId":"111122223333","arn":"arn:aws:iam::111122223333:user/ops"},
       "requestParameters":{"bucketName":"audit-logs"}}
      """.replace("\n", "");

  private static BrokerSecurity security;
  private static KafkaBroker broker;
  private static DocumentedAcls acls;

  @TempDir static Path dir;

  @BeforeAll
  static void startSecuredBroker() throws Exception {
    long began = System.nanoTime();
    security = BrokerSecurity.scram(ADMIN_PASSWORD, PASSWORDS).withAclsEnforced();
    broker = KafkaBroker.startSecured(security);
    acls = DocumentedAcls.read(Map.of("<topic.prefix>", PREFIX, "<streams.application.id>", APP_ID));
    // Users holding a documented role's ACLs less one: ingest's without Write on the aws. prefix,
    // streams' without Read on its consumer groups, or without Write on its transactional ids.
    List<AclBinding> partial = new ArrayList<>(
        copy("User:ingest", "User:ingest-partial", PREFIX + "aws.", AclOperation.WRITE));
    partial.addAll(copy("User:streams", "User:streams-nogroup", APP_ID, AclOperation.READ, ResourceType.GROUP));
    partial.addAll(copy("User:streams", "User:streams-notxn", APP_ID, AclOperation.WRITE,
        ResourceType.TRANSACTIONAL_ID));
    partial.addAll(copy("User:sink-ocsf", "User:sink-ocsf-noread", PREFIX + "compliance.finding.delta.v1",
        AclOperation.READ));
    try (Admin admin = Admin.create(adminProperties())) {
      List<AclBinding> all = new ArrayList<>(acls.bindings());
      all.addAll(partial);
      admin.createAcls(all).all().get(30, TimeUnit.SECONDS);
    }
    // The operator's step: topics, as the super user.
    Run topics = Run.of(args(login("admin", ADMIN_PASSWORD), "topics"));
    assertThat(topics.exit()).as(topics.err()).isZero();
    System.out.printf("secured broker, %d documented ACLs, topics created in %d ms%n", acls.bindings().size(),
        Duration.ofNanos(System.nanoTime() - began).toMillis());
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldRunThePipelineUnderTheDocumentedAclsWithOneScramUserPerComponent() throws Exception {
    long began = System.nanoTime();
    List<AutoCloseable> running = new ArrayList<>();
    try {
      AppConfig sinkConfig = config("sink-ocsf");
      SinkRunner sink = SinkFactory.runner("ocsf", sinkConfig, new SimpleMeterRegistry());
      sink.start();
      running.add(sink);
      StreamsNode streams = StreamsNode.start(config("streams"));
      running.add(streams);
      assertThat(streams.awaitRunning(Duration.ofSeconds(90))).as("streams RUNNING as User:streams").isTrue();

      // Ingest's side: a snapshot through the product's publisher with the product's client settings.
      AppConfig ingestConfig = config("ingest");
      Topics topics = Settings.topics(ingestConfig);
      try (KafkaPublisher publisher = KafkaPublisher.create(
          KafkaClientSettings.of(ingestConfig).clients().producer(Map.of()), Settings.serdes(ingestConfig),
          new TopicNames(topics.snapshots(), topics.cloudTrail()))) {
        publisher.snapshot(SnapshotRecords.of(
                PracticeFixtures.load(10, "fail-no-encryption-rule.json").items().get(0)))
            .get(30, TimeUnit.SECONDS);
      }
      // And replay, the one-shot command, as User:ingest.
      Path trail = Files.writeString(dir.resolve("trail.jsonl"), RECORD + "\n");
      Run replay = Run.of(args(login("ingest", PASSWORDS.get("ingest")), "replay", trail.toString()));
      assertThat(replay.exit()).as(replay.err()).isZero();

      await("a delta on " + topics.deltas()).atMost(Duration.ofSeconds(60)).until(() -> count(topics.deltas()) > 0);
      assertThat(records(topics.deltas())).as("the deltas, read by a consumer").isNotEmpty()
          .allSatisfy(value -> assertThat(value).isNotEmpty());
      String ocsf = PREFIX + "compliance.finding.ocsf.v1";
      await("the OCSF sink delivered to " + ocsf).atMost(Duration.ofSeconds(60)).until(() -> count(ocsf) > 0);
      System.out.printf("pipeline under ACLs: snapshot in, delta out, OCSF delivered in %d ms%n",
          Duration.ofNanos(System.nanoTime() - began).toMillis());
    } finally {
      for (int i = running.size() - 1; i >= 0; i--) {
        running.get(i).close();
      }
    }
  }

  @Test
  void shouldEndStreamsWithOneLineWithinAMinuteWhenTheScramPasswordIsWrong() {
    String wrong = "not-the-streams-pw-0c9e";
    Run streams = Run.of(args(login("streams", wrong), "streams", "--set", "streams.application.id=" + APP_ID,
        "--set", "streams.state.dir=" + dir.resolve("wrong-password"), "--set", "http.port=0"));

    assertThat(streams.exit()).as(streams.err()).isEqualTo(3);
    assertThat(streams.elapsed()).isLessThan(Duration.ofSeconds(60));
    assertThat(streams.nonBlankErrLines()).as("stderr: the one line, no client ERROR/WARN beside it")
        .singleElement().asString().startsWith("error: ")
        .contains("refused the login of User:streams", "SCRAM-SHA-512", broker.bootstrapServers());
    assertThat(streams.err() + streams.out()).doesNotContain(wrong).doesNotContain("\tat ");
  }

  @Test
  void shouldNameTheMissingAclInOneLineWhenReplayMayNotWrite() throws Exception {
    Path trail = Files.writeString(dir.resolve("denied.jsonl"), RECORD + "\n");
    Run replay = Run.of(args(login("ingest-partial", PASSWORDS.get("ingest-partial")), "replay", trail.toString()));

    assertThat(replay.exit()).as(replay.err()).isEqualTo(3);
    assertThat(replay.elapsed()).isLessThan(Duration.ofSeconds(30));
    assertThat(replay.nonBlankErrLines()).singleElement().asString().isEqualTo("error: not authorized to WRITE topic "
        + PREFIX + "aws.cloudtrail.event.v1 as User:ingest-partial (see docs/deployment.md#acls)");
    assertThat(replay.err()).doesNotContain("\tat ");
  }

  @Test
  void shouldStopScanPublishBeforeScanningWithOneLineNamingTheMissingAcl() {
    // The check comes before any AWS call: no AWS endpoint is needed to see it.
    Run scan = Run.of(args(login("ingest-partial", PASSWORDS.get("ingest-partial")), "scan", "--publish"));

    assertThat(scan.exit()).as(scan.err()).isEqualTo(3);
    assertThat(scan.nonBlankErrLines()).singleElement().asString().isEqualTo("error: not authorized to WRITE topic "
        + PREFIX + "aws.resource.snapshot.v1 as User:ingest-partial (see docs/deployment.md#acls)");
  }

  @Test
  void shouldStopTheIngestServiceAtStartWithOneLineNamingTheMissingAcl() {
    Run ingest = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Run.of(
        args(login("ingest-partial", PASSWORDS.get("ingest-partial")), "ingest")));

    assertThat(ingest.exit()).as(ingest.err()).isEqualTo(3);
    assertThat(ingest.nonBlankErrLines()).singleElement().asString().isEqualTo("error: not authorized to WRITE topic "
        + PREFIX + "aws.resource.snapshot.v1 as User:ingest-partial (see docs/deployment.md#acls)");
  }

  @Test
  void shouldStopASinkAtStartWithOneLineNamingTheMissingAcl() {
    Run sink = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Run.of(
        args(login("sink-ocsf-noread", PASSWORDS.get("sink-ocsf-noread")), "sink", "ocsf", "--set", "http.port=0")));

    assertThat(sink.exit()).as(sink.err()).isEqualTo(3);
    assertThat(sink.nonBlankErrLines()).singleElement().asString().isEqualTo("error: not authorized to READ topic "
        + PREFIX + "compliance.finding.delta.v1 as User:sink-ocsf-noread (see docs/deployment.md#acls)");
  }

  @Test
  void shouldNameTheTopicInOneLineWhenTopicsRunsWithoutCreate() {
    Map<String, String> values = new LinkedHashMap<>(login("ingest", PASSWORDS.get("ingest")));
    values.put("topic.prefix", "elsewhere."); // none of ingest's ACLs covers it

    Run topics = Run.of(args(values, "topics"));

    assertThat(topics.exit()).as(topics.err()).isEqualTo(3);
    assertThat(topics.nonBlankErrLines()).singleElement().asString()
        .matches("error: not authorized to DESCRIBE or CREATE topic elsewhere\\.[a-z0-9.]+ as User:ingest"
            + " \\(see docs/deployment.md#acls\\)");
  }

  @Test
  void shouldStopStreamsAtStartWithOneLineNamingTheMissingGroupAcl() {
    Run streams = streamsAs("streams-nogroup");

    assertThat(streams.exit()).as(streams.err()).isEqualTo(3);
    assertThat(streams.nonBlankErrLines()).singleElement().asString().isEqualTo(
        "error: not authorized to READ group " + APP_ID + " as User:streams-nogroup (see docs/deployment.md#acls)");
  }

  @Test
  void shouldEndStreamsWithOneLineInsteadOfReplacingThreadsForEverWhenTransactionsAreRefused() {
    Run streams = streamsAs("streams-notxn");

    assertThat(streams.exit()).as(streams.err()).isEqualTo(3);
    // Kafka Streams logs its own ERROR (with the trace) as it shuts the client down; ours comes last.
    assertThat(streams.errorLines()).singleElement().asString().isEqualTo("error: not authorized to WRITE the"
        + " transactional ids <streams.application.id>-* (a PREFIXED ACL) as User:streams-notxn"
        + " (see docs/deployment.md#acls)");
  }

  /** {@code streams} through the real command line, ended by the test if it does not end by itself. */
  private static Run streamsAs(String user) {
    return assertTimeoutPreemptively(Duration.ofSeconds(90), () -> Run.of(args(
        login(user, PASSWORDS.get(user)), "streams", "--set", "streams.application.id=" + APP_ID,
        "--set", "streams.state.dir=" + dir.resolve(user), "--set", "http.port=0")));
  }

  /** {@code from}'s documented ACLs granted to {@code to}, less {@code operation} on {@code name} (of {@code type}). */
  private static List<AclBinding> copy(String from, String to, String name, AclOperation operation,
      ResourceType... type) {
    List<AclBinding> copied = acls.bindings().stream()
        .filter(b -> b.entry().principal().equals(from))
        .filter(b -> !(b.pattern().name().equals(name) && b.entry().operation() == operation
            && (type.length == 0 || b.pattern().resourceType() == type[0])))
        .map(b -> new AclBinding(b.pattern(), new AccessControlEntry(to, b.entry().host(),
            b.entry().operation(), b.entry().permissionType())))
        .toList();
    assertThat(copied).hasSize((int) acls.bindings().stream().filter(b -> b.entry().principal().equals(from)).count() - 1);
    return copied;
  }

  /** The configuration of a component logging in as {@code user}: kafka.* keys only. */
  private static AppConfig config(String user) throws Exception {
    Map<String, String> values = new LinkedHashMap<>(login(user, PASSWORDS.get(user)));
    values.put("topic.prefix", PREFIX);
    values.put("topic.partitions", "2");
    values.put("streams.application.id", APP_ID);
    values.put("streams.state.dir", Files.createTempDirectory(dir, "state").toString());
    values.put("http.port", "0");
    values.put("sink.max.attempts", "2");
    return AppConfig.load(null, Map.of(), values);
  }

  private static Map<String, String> login(String user, String password) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("kafka.bootstrap.servers", broker.bootstrapServers());
    BrokerSecurity.clientProperties(user, password).forEach((k, v) -> values.put("kafka." + k, v));
    values.put("kafka.command.timeout", "PT15S");
    return values;
  }

  /** {@code --set} for each of {@code values} and the common test settings, then {@code command...}. */
  private static String[] args(Map<String, String> values, String... command) {
    List<String> args = new ArrayList<>(List.of(command[0]));
    Map<String, String> all = new LinkedHashMap<>();
    all.put("topic.prefix", PREFIX);
    all.put("topic.partitions", "2");
    all.putAll(values);
    all.forEach((k, v) -> {
      args.add("--set");
      args.add(k + "=" + v);
    });
    args.addAll(List.of(command).subList(1, command.length));
    return args.toArray(String[]::new);
  }

  private static Map<String, Object> adminProperties() {
    Map<String, Object> props = new HashMap<>(security.clientProperties(BrokerSecurity.ADMIN));
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return props;
  }

  private static long count(String topic) {
    Map<String, Object> props = adminProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The committed record values of {@code topic}, read from the start by the super user. */
  private static List<byte[]> records(String topic) {
    Map<String, Object> props = adminProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<byte[]> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
      }
      return values;
    }
  }

  /** One command through the real command line, with its output and duration. */
  private record Run(int exit, String out, String err, Duration elapsed) {

    static Run of(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream originalOut = System.out;
      PrintStream originalErr = System.err;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      long start = System.nanoTime();
      int exit;
      try {
        exit = Main.commandLine().execute(args);
      } finally {
        System.setOut(originalOut);
        System.setErr(originalErr);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      String errText = err.toString(StandardCharsets.UTF_8);
      originalErr.printf("%s: exit %d in %d ms%n%s", args[0], exit, elapsed.toMillis(), errText);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), errText, elapsed);
    }

    List<String> errorLines() {
      return err.lines().filter(l -> l.startsWith("error:")).toList();
    }

    List<String> nonBlankErrLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
