package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.app.Main;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.devkit.MutualTls;
import io.compliancestreams.devkit.SchemaRegistryServer;
import io.compliancestreams.schemas.AvroSerde;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.SchemaException;
import io.compliancestreams.schemas.SchemaException.Problem;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.ComplianceStreamsApp;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 9: the product's registry client against a real schema registry, not a stub —
 * Apicurio Registry 3 through its Confluent-compatible API (devkit {@link SchemaRegistryServer}),
 * over HTTPS with a certificate from a test CA and HTTP basic authentication, the global
 * compatibility level BACKWARD. Every contract is registered and read back in the Confluent wire
 * format; the released history and a later optional field are accepted, a field added without a
 * default is refused in one line; wrong credentials and an untrusted certificate fail as such; and
 * the streams pipeline runs on a real broker with every value going through the registry.
 */
class RealSchemaRegistryTest {

  private static final String USER = "cs-registry";
  private static final String PASSWORD = "reg-" + UUID.randomUUID();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  private static MutualTls tls;
  private static SchemaRegistryServer registry;
  private static RegistryAdmin admin;
  private static KafkaBroker broker;

  @BeforeAll
  static void startRegistry() throws Exception {
    tls = MutualTls.generate(dir.resolve("tls"), "unused-client", "tls-" + UUID.randomUUID());
    registry = SchemaRegistryServer.startSecured(dir, tls, USER, PASSWORD);
    admin = new RegistryAdmin(registry.url(), USER + ":" + PASSWORD, tls.truststore(), tls.password());
    assertThat(admin.setGlobalCompatibility("BACKWARD")).isEqualTo("BACKWARD");
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopRegistry() {
    if (broker != null) {
      broker.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  /** What an operator configures: URL, basic auth and the truststore holding the registry's CA. */
  private static SerdeConfig config(String userInfo) {
    return new SerdeConfig(registry.url(), userInfo, tls.truststore().toString(), tls.password(), true);
  }

  private static SerdeConfig config() {
    return config(USER + ":" + PASSWORD);
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> AvroSerde<T> serde(T sample, SerdeConfig config) {
    return AvroSerdes.forType((Class<T>) sample.getClass(), config);
  }

  private static int schemaId(byte[] payload) {
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  @Test
  void shouldRegisterEveryContractAndReadItBackInTheConfluentWireFormat() throws Exception {
    List<Integer> ids = new ArrayList<>();
    for (SpecificRecord sample : Samples.all()) {
      String topic = "reg.roundtrip." + sample.getSchema().getName();

      byte[] payload = serde(sample, config()).serializer().serialize(topic, sample);

      assertThat(payload[0]).as("magic byte of %s", topic).isEqualTo((byte) 0);
      int id = schemaId(payload);
      assertThat(id).as("schema id of %s", topic).isEqualTo(admin.latestId(topic + "-value"));
      assertThat(SchemaNormalization.parsingFingerprint64(admin.schemaById(id)))
          .as("the registry's schema %d is %s", id, sample.getSchema().getFullName())
          .isEqualTo(SchemaNormalization.parsingFingerprint64(sample.getSchema()));
      // A new serde has an empty cache: the writer schema comes from the registry by id.
      assertThat(serde(sample, config()).deserializer().deserialize(topic, payload)).isEqualTo(sample);
      ids.add(id);
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize(Samples.all().size());
  }

  @Test
  void shouldAcceptEveryReleasedVersionThenTheCurrentContractUnderBackwardCompatibility() throws Exception {
    for (SpecificRecord sample : Samples.all()) {
      String name = sample.getSchema().getName();
      String topic = "reg.history." + name;
      List<Schema> released = history(name);
      assertThat(released).as("released versions of %s", name).isNotEmpty();
      List<Integer> releasedIds = new ArrayList<>();
      for (Schema version : released) {
        releasedIds.add(admin.register(topic + "-value", version));
      }

      byte[] current = serde(sample, config()).serializer().serialize(topic, sample);

      assertThat(schemaId(current)).isEqualTo(admin.latestId(topic + "-value"));
      // A record a release wrote with the first version, read by today's consumer.
      byte[] old = confluent(releasedIds.get(0), released.get(0), sample);
      assertThat(serde(sample, config()).deserializer().deserialize(topic, old))
          .as("%s written with history v1", name).isEqualTo(Samples.asWrittenWith(released.get(0), sample));
    }
  }

  @Test
  void shouldAcceptAnOptionalFieldAddedLaterAndReadRecordsWrittenWithIt() throws Exception {
    SpecificRecord sample = Samples.findingDelta();
    String topic = "reg.later." + sample.getSchema().getName();
    byte[] current = serde(sample, config()).serializer().serialize(topic, sample);
    ObjectNode json = (ObjectNode) JSON.readTree(sample.getSchema().toString());
    ((ArrayNode) json.get("fields")).addObject().put("name", "addedLater")
        .put("doc", "a field a later release adds").putNull("default")
        .putArray("type").add("null").add("string");
    Schema later = new Schema.Parser().parse(json.toString());

    int laterId = admin.register(topic + "-value", later);

    assertThat(laterId).isNotEqualTo(schemaId(current));
    assertThat(admin.versionCount(topic + "-value")).isEqualTo(2);
    assertThat(serde(sample, config()).deserializer().deserialize(topic, confluent(laterId, later, sample)))
        .isEqualTo(sample);
  }

  @Test
  void shouldRefuseAFieldAddedWithoutADefaultInOneLine() throws Exception {
    SpecificRecord sample = Samples.findingDelta();
    String topic = "reg.incompatible." + sample.getSchema().getName();
    Schema.Field required = sample.getSchema().getFields().stream()
        .filter(f -> !f.hasDefaultValue()).findFirst().orElseThrow();
    // The registered version lacks a field that the current contract requires with no default.
    ObjectNode json = (ObjectNode) JSON.readTree(sample.getSchema().toString());
    ArrayNode fields = (ArrayNode) json.get("fields");
    fields.remove(required.pos());
    admin.register(topic + "-value", new Schema.Parser().parse(json.toString()));

    SchemaException e = catchThrowableOfType(SchemaException.class,
        () -> serde(sample, config()).serializer().serialize(topic, sample));

    assertThat(e.problem()).isEqualTo(Problem.INCOMPATIBLE_SCHEMA);
    assertThat(e.topic()).isEqualTo(topic);
    assertThat(e.getMessage())
        .startsWith("topic " + topic + ": schema incompatible with the registered versions: cannot register"
            + " schema io.compliancestreams.schemas.avro.FindingDelta under subject " + topic + "-value: POST "
            + registry.url() + "/subjects/" + topic + "-value/versions returned HTTP 409 (error_code 409): ")
        .contains("Incompatible", required.name())
        .doesNotContain("\n", PASSWORD);
    assertThat(admin.versionCount(topic + "-value")).isEqualTo(1);
  }

  @Test
  void shouldLookUpWithoutRegisteringWhenAutoRegisterIsOff() throws Exception {
    SpecificRecord sample = Samples.suppression();
    String topic = "reg.lookup." + sample.getSchema().getName();
    AvroSerde<SpecificRecord> lookupOnly = serde(sample, config().withAutoRegister(false));

    SchemaException missing = catchThrowableOfType(SchemaException.class,
        () -> lookupOnly.serializer().serialize(topic, sample));
    assertThat(missing.problem()).isEqualTo(Problem.UNKNOWN_SCHEMA);
    assertThat(missing.getMessage()).contains("HTTP 404", "error_code 40401");

    int registered = schemaId(serde(sample, config()).serializer().serialize(topic, sample));
    assertThat(schemaId(lookupOnly.serializer().serialize(topic, sample))).isEqualTo(registered);
    assertThat(admin.versionCount(topic + "-value")).isEqualTo(1);
  }

  @Test
  void shouldReportWrongCredentialsAsUnauthorizedWithoutThePassword() {
    SpecificRecord sample = Samples.rescanRequest();
    String wrong = "not-" + PASSWORD;

    SchemaException e = catchThrowableOfType(SchemaException.class,
        () -> serde(sample, config(USER + ":" + wrong)).serializer().serialize("reg.wrong-password", sample));

    assertThat(e.problem()).isEqualTo(Problem.REGISTRY_UNAUTHORIZED);
    assertThat(e.getMessage()).contains("schema registry refused the credentials", "HTTP 401")
        .doesNotContain(wrong, PASSWORD, "\n");
  }

  @Test
  void shouldNotTalkToARegistryWhoseCertificateItDoesNotTrust() {
    SpecificRecord sample = Samples.rescanRequest();
    SerdeConfig jvmTrustOnly = new SerdeConfig(registry.url(), USER + ":" + PASSWORD, null, null, true);

    SchemaException e = catchThrowableOfType(SchemaException.class,
        () -> serde(sample, jvmTrustOnly).serializer().serialize("reg.untrusted", sample));

    assertThat(e.problem()).isEqualTo(Problem.REGISTRY_UNAVAILABLE);
    assertThat(e.getMessage()).contains("SSLHandshakeException").doesNotContain(PASSWORD);
  }

  @Test
  void shouldRunThePipelineWithEveryValueThroughTheRegistry() throws Exception {
    Topics topics = new Topics("reg.pipeline.");
    ResourceSnapshot bucket = SnapshotRecords.of(
        PracticeFixtures.load(10, "pass-sse-s3-default.json").items().get(0));
    StreamsSettings base = StreamsSettings.defaults(broker.bootstrapServers(), dir.resolve("state").toString());
    StreamsSettings settings = new StreamsSettings("reg-" + UUID.randomUUID(), base.bootstrapServers(), topics,
        1, (short) 1, base.processingGuarantee(), base.stateDir(), base.commitInterval(), base.recheckPoll(),
        base.scopeDebounce(), base.eventDedupeWindow(), config(), true, null, null);
    try (ComplianceStreamsApp app = new ComplianceStreamsApp(settings, PracticeCatalogue.all()).start();
        PipelineKafka kafka = new PipelineKafka(broker, topics.deltas(), config());
        KafkaConsumer<byte[], byte[]> raw = rawValues(broker, topics.deltas())) {
      assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
      kafka.send(topics.snapshots(), bucket, Instant.parse("2026-06-01T01:00:00Z").toEpochMilli());

      List<FindingDelta> deltas = new ArrayList<>();
      await("the NEW PASS delta of practice 10").atMost(Duration.ofSeconds(60)).until(() -> {
        deltas.addAll(kafka.poll());
        return deltas.stream().anyMatch(d -> d.getPractice() == 10);
      });
      FindingDelta delta = deltas.stream().filter(d -> d.getPractice() == 10).findFirst().orElseThrow();
      assertThat(delta.getResourceKey()).isEqualTo(SnapshotRecords.key(bucket));
      assertThat(delta.getChangeKind().toString() + " " + delta.getNewStatus()).isEqualTo("NEW PASS");

      int deltaSchema = admin.latestId(topics.deltas() + "-value");
      List<byte[]> values = new ArrayList<>();
      await("the delta topic's raw values").atMost(Duration.ofSeconds(30)).until(() -> {
        raw.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<byte[], byte[]> r) -> values.add(r.value()));
        return !values.isEmpty();
      });
      assertThat(values).allSatisfy(value -> {
        assertThat(value[0]).isEqualTo((byte) 0);
        assertThat(schemaId(value)).isEqualTo(deltaSchema);
      });
      assertThat(admin.latestId(topics.snapshots() + "-value")).isPositive();
    }
  }

  @Test
  void shouldAddAndListASuppressionThroughTheRegistryConfiguredOnTheCommandLine() throws Exception {
    String prefix = "reg.cli.";
    String[] settings = {
        "--set", "kafka.bootstrap.servers=" + broker.bootstrapServers(),
        "--set", "topic.prefix=" + prefix, "--set", "topic.partitions=1",
        "--set", "schema.registry.url=" + registry.url(),
        "--set", "basic.auth.user.info=" + USER + ":" + PASSWORD,
        "--set", "schema.registry.ssl.truststore.location=" + tls.truststore(),
        "--set", "schema.registry.ssl.truststore.password=" + tls.password()};
    run("topics", settings);

    String id = run("suppress", settings, "add", "--practice", "10", "--account", "111122223333",
        "--reason", "registry check", "--owner", "platform-team").trim();

    assertThat(id).startsWith("sup-");
    assertThat(run("suppress", settings, "list")).contains(id, "platform-team: registry check");
    String topic = prefix + "compliance.suppression.v1";
    int registered = admin.latestId(topic + "-value");
    try (KafkaConsumer<byte[], byte[]> raw = rawValues(broker, topic)) {
      List<byte[]> values = new ArrayList<>();
      await("the suppression's raw value").atMost(Duration.ofSeconds(30)).until(() -> {
        raw.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<byte[], byte[]> r) -> values.add(r.value()));
        return !values.isEmpty();
      });
      assertThat(values).allSatisfy(value -> {
        assertThat(value[0]).isEqualTo((byte) 0);
        assertThat(schemaId(value)).isEqualTo(registered);
      });
    }
  }

  /** {@code Main command [subcommand args…] settings…} in this JVM; what it printed on stdout. */
  private static String run(String command, String[] settings, String... rest) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(rest));
    args.addAll(List.of(settings));
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.commandLine().execute(args.toArray(String[]::new)))
          .as("exit code of %s", args.get(0)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static KafkaConsumer<byte[], byte[]> rawValues(KafkaBroker broker, String topic) {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "reg-raw-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  /** Every released version of a contract, as the schemas jar ships them (avro/history/Name/vN.avsc). */
  private static List<Schema> history(String name) {
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; ; v++) {
      try (InputStream in = RealSchemaRegistryTest.class.getClassLoader()
          .getResourceAsStream("avro/history/" + name + "/v" + v + ".avsc")) {
        if (in == null) {
          return versions;
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * {@code sample} as a producer whose schema is {@code writer} (registered as {@code id}) writes it:
   * the writer's fields filled by name from the sample, a field the sample lacks left at its default.
   */
  private static byte[] confluent(int id, Schema writer, SpecificRecord sample) throws IOException {
    GenericData.Record record = new GenericData.Record(writer);
    for (Schema.Field field : writer.getFields()) {
      Schema.Field same = sample.getSchema().getField(field.name());
      record.put(field.name(), same != null ? sample.get(same.pos()) : GenericData.get().getDefaultValue(field));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    // The generated class's model knows the logical-type conversions (timestamps as Instant).
    new SpecificDatumWriter<Object>(writer, SpecificData.getForClass(sample.getClass())).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
