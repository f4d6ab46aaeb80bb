package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.state.ResourceState;
import io.compliancestreams.streams.state.ScopeState;
import io.compliancestreams.streams.state.StateStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real topology in a {@link TopologyTestDriver}, with typed input and output topics, the
 * stores, and helpers to feed practice fixtures as snapshots.
 */
final class TopologyHarness implements AutoCloseable {

  static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

  final TopologyTestDriver driver;
  final Topics topics = Topics.unprefixed();
  final TestInputTopic<String, ResourceSnapshot> snapshots;
  final TestInputTopic<String, byte[]> rawSnapshots;
  final TestInputTopic<String, CloudTrailEvent> events;
  final TestInputTopic<String, byte[]> rawEvents;
  final TestInputTopic<String, Suppression> suppressions;
  final TestOutputTopic<String, FindingDelta> deltas;
  final TestOutputTopic<String, Finding> states;
  final TestOutputTopic<String, RescanRequest> rescans;
  final TestOutputTopic<String, byte[]> snapshotDlq;
  final TestOutputTopic<String, byte[]> eventDlq;
  private final Path stateDir;

  TopologyHarness() {
    this(StreamsSettings.defaults("dummy:9092", "unused"));
  }

  TopologyHarness(StreamsSettings base) {
    try {
      stateDir = Files.createTempDirectory("topology-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    StreamsSettings settings = base.withStateDir(stateDir.toString());
    driver = new TopologyTestDriver(
        new ComplianceTopology(settings, PracticeCatalogue.all()).build(),
        settings.toProperties(), START);
    SerdeConfig serdes = settings.serdeConfig();
    var string = Serdes.String();
    snapshots = driver.createInputTopic(topics.snapshots(), string.serializer(),
        AvroSerdes.resourceSnapshot(serdes).serializer(), START, Duration.ZERO);
    rawSnapshots = driver.createInputTopic(topics.snapshots(), string.serializer(),
        Serdes.ByteArray().serializer(), START, Duration.ZERO);
    events = driver.createInputTopic(topics.cloudTrail(), string.serializer(),
        AvroSerdes.cloudTrailEvent(serdes).serializer(), START, Duration.ZERO);
    rawEvents = driver.createInputTopic(topics.cloudTrail(), string.serializer(),
        Serdes.ByteArray().serializer(), START, Duration.ZERO);
    suppressions = driver.createInputTopic(topics.suppressions(), string.serializer(),
        AvroSerdes.suppression(serdes).serializer(), START, Duration.ZERO);
    deltas = driver.createOutputTopic(topics.deltas(), string.deserializer(),
        AvroSerdes.findingDelta(serdes).deserializer());
    states = driver.createOutputTopic(topics.findingState(), string.deserializer(),
        AvroSerdes.finding(serdes).deserializer());
    rescans = driver.createOutputTopic(topics.rescans(), string.deserializer(),
        AvroSerdes.rescanRequest(serdes).deserializer());
    snapshotDlq = driver.createOutputTopic(Topics.dlq(topics.snapshots()), string.deserializer(),
        Serdes.ByteArray().deserializer());
    eventDlq = driver.createOutputTopic(Topics.dlq(topics.cloudTrail()), string.deserializer(),
        Serdes.ByteArray().deserializer());
  }

  /** The snapshots of a practice fixture, in file order. */
  static List<ResourceSnapshot> fixture(int practice, String file) {
    return PracticeFixtures.load(practice, file).items().stream().map(SnapshotRecords::of).toList();
  }

  /** The text of a record's last header of that name (a DLQ header), or null. */
  static String header(TestRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  void send(ResourceSnapshot s, Instant at) {
    snapshots.pipeInput(new TestRecord<>(SnapshotRecords.key(s), s, at));
  }

  void sendAll(List<ResourceSnapshot> all, Instant at) {
    all.forEach(s -> send(s, at));
  }

  /** Lets wall-clock punctuations run (scope debounce, rechecks, suppression expiry). */
  void tick(Duration d) {
    driver.advanceWallClockTime(d);
  }

  List<FindingDelta> deltas() {
    return deltas.readValuesToList();
  }

  List<FindingDelta> deltasOf(int practice) {
    return deltas().stream().filter(d -> d.getPractice() == practice).toList();
  }

  Map<String, Finding> finalStates() {
    return states.readKeyValuesToMap();
  }

  List<KeyValue<String, ResourceState>> resourceStore() {
    List<KeyValue<String, ResourceState>> all = new ArrayList<>();
    try (var it = rawResourceStore().all()) {
      it.forEachRemaining(kv -> all.add(KeyValue.pair(kv.key, kv.value.state())));
    }
    return all;
  }

  /** The resource state as stored: header and undecoded body. */
  KeyValueStore<String, io.compliancestreams.streams.state.StoredResource> rawResourceStore() {
    return driver.getKeyValueStore(StateStores.RESOURCE_STATE);
  }

  /** The attribution store of the resource state: resource key → last event's actor. */
  java.util.Map<String, io.compliancestreams.streams.findings.Attribution> recentEvents() {
    KeyValueStore<String, io.compliancestreams.streams.findings.Attribution> store =
        driver.getKeyValueStore(StateStores.RECENT_EVENTS);
    java.util.Map<String, io.compliancestreams.streams.findings.Attribution> all = new java.util.TreeMap<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> all.put(kv.key, kv.value));
    }
    return all;
  }

  ScopeState scopeState(String account) {
    KeyValueStore<String, ScopeState> store = driver.getKeyValueStore(StateStores.SCOPE_STATE);
    return store.get(account);
  }

  @Override
  public void close() {
    driver.close();
    try (var files = Files.walk(stateDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException ignored) {
      // best effort: a temp dir
    }
  }
}
