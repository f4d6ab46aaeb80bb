package io.compliancestreams.it.reliability;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.UserIdentity;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.ComplianceTopology;
import io.compliancestreams.streams.topology.SnapshotRecords;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.Topics;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A seeded stream of inputs with known outcome: S3 buckets whose default encryption flips between
 * snapshots, KMS keys, and ScheduleKeyDeletion events (some delivered twice). Only resource-scoped
 * practices read these types, so the deltas do not depend on timing. {@link #expected} computes the
 * deltas and final finding states by running the same sequence, fault-free, through the topology
 * in a TopologyTestDriver.
 */
final class Workload {

  /**
   * Two days before the run: record timestamps are these times, and records older than the input
   * topics' 7-day retention would be deleted by the broker's first retention check during the run
   * (a fixed date in the past made the replay from offset 0 find the topics half empty).
   */
  static final Instant BASE = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
      .minus(java.time.Duration.ofDays(2));
  static final String ACCOUNT = "111122223333";

  /** One input record: topic (logical), key, value bytes, timestamp. */
  record Input(String logicalTopic, String key, byte[] value, long timestamp) {}

  /** What a fault-free run yields. */
  record Expected(List<String> deltas, Map<String, String> states, int encryptionDeltas) {}

  final List<Input> phase1 = new ArrayList<>();
  final List<Input> phase2 = new ArrayList<>();
  final int keys;
  int bucketSnapshots;
  int keySnapshots;
  int events;
  int duplicateEvents;
  int encryptionFlips;

  private static final SerdeConfig SERDES = SerdeConfig.singleObject();
  private static final org.apache.kafka.common.serialization.Serializer<ResourceSnapshot> SNAPSHOT =
      AvroSerdes.resourceSnapshot(SERDES).serializer();

  private Workload(int keys) {
    this.keys = keys;
  }

  /**
   * {@code buckets} buckets with {@code perBucket} snapshots each (random encryption, so flips
   * give NEW / REGRESSED / RESOLVED), split across both phases; {@code keys} KMS keys in phase 1
   * and a ScheduleKeyDeletion event for half of them in phase 2 (a fifth of those sent twice).
   */
  static Workload generate(long seed, int buckets, int perBucket, int keys) {
    Random random = new Random(seed);
    Workload w = new Workload(keys);
    ResourceSnapshot pass = fixture(10, "pass-sse-s3-default.json");
    ResourceSnapshot fail = fixture(10, "fail-no-encryption-rule.json");
    ResourceSnapshot key = fixture(25, "pass-enabled-customer-key.json");
    List<List<Input>> perResource = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      List<Input> seq = new ArrayList<>();
      Boolean last = null;
      for (int i = 0; i < perBucket; i++) {
        boolean encrypted = random.nextBoolean();
        w.encryptionFlips += last == null || last != encrypted ? 1 : 0;
        last = encrypted;
        ResourceSnapshot base = encrypted ? pass : fail;
        Instant at = BASE.plusSeconds(60L * i + b % 60);
        String name = "rel-bucket-" + b;
        ResourceSnapshot s = SnapshotRecords.later(ResourceSnapshot.newBuilder(base)
            .setAccountId(ACCOUNT).setAwsRegion("eu-west-1")
            .setResourceId(name).setResourceName(name).setArn("arn:aws:s3:::" + name).build(), at);
        seq.add(snapshot(s, at));
        w.bucketSnapshots++;
      }
      perResource.add(seq);
    }
    List<Input> keySnapshots = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      String id = String.format("1234abcd-12ab-34cd-56ef-%012d", k);
      Instant at = BASE.plusSeconds(k);
      ResourceSnapshot s = SnapshotRecords.later(ResourceSnapshot.newBuilder(key)
          .setAccountId(ACCOUNT).setAwsRegion("eu-west-1").setResourceId(id)
          .setArn("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/" + id).build(), at);
      keySnapshots.add(snapshot(s, at));
      w.keySnapshots++;
      if (k % 2 == 0) {
        long t = BASE.plusSeconds(86_400L + k).toEpochMilli();
        Input event = event(scheduleKeyDeletion(s, "rel-evt-" + k, t), t);
        w.phase2.add(event);
        w.events++;
        if (k % 10 == 0) {
          w.phase2.add(event);
          w.duplicateEvents++;
        }
      }
    }
    // Phase 1: keys, then the first half of every bucket's sequence; phase 2: the rest, events
    // mixed in. Interleaved at random, each resource's own order kept.
    w.phase1.addAll(keySnapshots);
    w.phase1.addAll(interleave(random, perResource, 0, perBucket / 2));
    List<Input> rest = interleave(random, perResource, perBucket / 2, perBucket);
    List<Input> mixed = new ArrayList<>(rest);
    for (Input e : w.phase2) {
      mixed.add(random.nextInt(mixed.size() + 1), e);
    }
    w.phase2.clear();
    w.phase2.addAll(mixed);
    return w;
  }

  private static List<Input> interleave(Random random, List<List<Input>> perResource, int from, int to) {
    List<Input> out = new ArrayList<>();
    int[] next = new int[perResource.size()];
    java.util.Arrays.fill(next, from);
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < perResource.size(); i++) {
      open.add(i);
    }
    while (!open.isEmpty()) {
      int pick = random.nextInt(open.size());
      int r = open.get(pick);
      out.add(perResource.get(r).get(next[r]++));
      if (next[r] >= to) {
        open.remove(pick);
      }
    }
    return out;
  }

  List<Input> all() {
    List<Input> all = new ArrayList<>(phase1);
    all.addAll(phase2);
    return all;
  }

  int records() {
    return phase1.size() + phase2.size();
  }

  /** The deltas and final states of a fault-free run of the same inputs. */
  Expected expected() throws Exception {
    Topics topics = Topics.unprefixed();
    StreamsSettings settings = StreamsSettings.defaults("oracle:9092",
        Files.createTempDirectory("oracle").toString()).withApplicationId("oracle");
    List<String> deltas = new ArrayList<>();
    Map<String, String> states = new LinkedHashMap<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(
        new ComplianceTopology(settings, PracticeCatalogue.all()).build(), settings.toProperties(),
        Instant.now())) {
      var snapshots = driver.createInputTopic(topics.snapshots(), Serdes.String().serializer(),
          Serdes.ByteArray().serializer());
      var cloudTrail = driver.createInputTopic(topics.cloudTrail(), Serdes.String().serializer(),
          Serdes.ByteArray().serializer());
      for (Input in : all()) {
        (in.logicalTopic().equals(Topics.SNAPSHOTS) ? snapshots : cloudTrail)
            .pipeInput(new TestRecord<>(in.key(), in.value(), Instant.ofEpochMilli(in.timestamp())));
      }
      driver.createOutputTopic(topics.deltas(), Serdes.String().deserializer(),
          AvroSerdes.findingDelta(SERDES).deserializer()).readValuesToList()
          .forEach(d -> deltas.add(line(d)));
      driver.createOutputTopic(topics.findingState(), Serdes.String().deserializer(),
          AvroSerdes.finding(SERDES).deserializer()).readKeyValuesToMap()
          .forEach((k, f) -> {
            if (f == null) {
              states.remove(k);
            } else {
              states.put(k, state(f));
            }
          });
    }
    int encryption = (int) deltas.stream().filter(l -> l.startsWith("p10-")).count();
    return new Expected(List.copyOf(deltas), Map.copyOf(states), encryption);
  }

  /** How deltas are compared: finding id, sequence, change kind, statuses. */
  static String line(FindingDelta d) {
    return d.getFindingId() + " #" + d.getSequence() + " " + d.getChangeKind() + " "
        + d.getPreviousStatus() + "->" + d.getNewStatus();
  }

  /** How finding states are compared. */
  static String state(Finding f) {
    return f.getStatus() + " " + f.getEvaluatedAt() + " " + f.getLastChangedAt() + " " + f.getReason();
  }

  static ResourceSnapshot fixture(int practice, String file) {
    return SnapshotRecords.of(PracticeFixtures.load(practice, file).items().get(0));
  }

  static Input snapshot(ResourceSnapshot s, Instant at) {
    return new Input(Topics.SNAPSHOTS, SnapshotRecords.key(s), SNAPSHOT.serialize("", s), at.toEpochMilli());
  }

  static Input event(CloudTrailEvent e, long at) {
    return new Input(Topics.CLOUDTRAIL, e.getRecipientAccountId() + "/" + e.getAwsRegion(),
        AvroSerdes.cloudTrailEvent(SERDES).serializer().serialize("", e), at);
  }

  /** A ScheduleKeyDeletion call as CloudTrail records it (request keyId, response keyState). */
  static CloudTrailEvent scheduleKeyDeletion(ResourceSnapshot key, String eventId, long time) {
    String request = "{\"keyId\":\"" + key.getResourceId() + "\",\"pendingWindowInDays\":7}";
    String response = "{\"keyId\":\"" + key.getArn() + "\",\"keyState\":\"PendingDeletion\","
        + "\"deletionDate\":\"Jun 8, 2026, 12:00:00 AM\"}";
    return CloudTrailEvent.newBuilder()
        .setEventId(eventId)
        .setEventTime(Instant.ofEpochMilli(time))
        .setEventSource("kms.amazonaws.com")
        .setEventName("ScheduleKeyDeletion")
        .setAwsRegion(key.getAwsRegion())
        .setRecipientAccountId(key.getAccountId())
        .setUserIdentity(UserIdentity.newBuilder().setType("IAMUser")
            .setArn("arn:aws:iam::" + key.getAccountId() + ":user/ops").setUserName("ops")
            .setAccountId(key.getAccountId()).setPrincipalId("AIDAEXAMPLE").build())
        .setSourceIPAddress("198.51.100.7")
        .setReadOnly(false)
        .setRequestParameters(request)
        .setResponseElements(response)
        .setRawRecord("{}")
        .build();
  }
}
