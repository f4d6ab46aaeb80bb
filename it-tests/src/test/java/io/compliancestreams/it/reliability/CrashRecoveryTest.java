package io.compliancestreams.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.topology.ComplianceStreamsApp;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.TopicCreator;
import io.compliancestreams.streams.topology.Topics;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams application in a child JVM (exactly_once_v2) is SIGKILLed at random points while
 * snapshots and CloudTrail events flow, and restarted with the same application id and state dir
 * (once with the state dir wiped). The committed deltas must equal those of a fault-free run
 * exactly, the compacted state topic must equal a from-scratch recomputation, and a replay from
 * offset 0 into a fresh application id must reproduce the deltas. See docs/reliability.md.
 */
class CrashRecoveryTest {

  private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryTest.class);
  private static final int PARTITIONS = 3;

  private Process child;

  @AfterEach
  void killChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void shouldNeitherLoseNorDuplicateADeltaAcrossFiveKills() throws Exception {
    run(5, 150, 10, 40);
  }

  @Test
  void shouldNeitherLoseNorDuplicateADeltaAcrossOneKillWithTheStateDirWiped() throws Exception {
    run(1, 20, 4, 4);
  }

  /** About 2 minutes on 2 cores: in the reliability profile (docs/reliability.md). */
  @Test
  @Tag("reliability")
  void shouldNeitherLoseNorDuplicateADeltaAcrossTwelveKillsOnMoreData() throws Exception {
    run(12, 400, 12, 100);
  }

  private void run(int kills, int buckets, int perBucket, int keys) throws Exception {
    long seed = Long.getLong("reliability.seed", System.nanoTime());
    LOG.info("crash run: seed {} (-Dreliability.seed={} repeats it), {} kills", seed, seed, kills);
    long began = System.nanoTime();
    Random random = new Random(seed);
    Workload workload = Workload.generate(seed, buckets, perBucket, keys);
    Workload.Expected expected = workload.expected();
    // The oracle agrees with the obvious counts: one practice-10 delta per encryption flip, and per
    // KMS key a NEW plus a REGRESSED for each distinct ScheduleKeyDeletion.
    assertThat(expected.encryptionDeltas()).isEqualTo(workload.encryptionFlips);
    assertThat(expected.deltas().stream().filter(l -> l.startsWith("p25-")))
        .hasSize(workload.keySnapshots + workload.events);

    String run = UUID.randomUUID().toString().substring(0, 8);
    Topics topics = new Topics("crash-" + run + ".");
    String appId = "rel-crash-" + run;
    Path stateDir = Files.createTempDirectory("rel-crash-state");
    File log = new File("target/reliability-crash-" + run + ".log");
    try (KafkaBroker broker = KafkaBroker.start();
        ReliabilityKafka kafka = new ReliabilityKafka(broker.bootstrapServers());
        ReliabilityKafka.Deltas deltas = kafka.new Deltas(topics.deltas())) {
      String bootstrap = broker.bootstrapServers();
      new TopicCreator(StreamsChild.settings(bootstrap, topics.prefix(), appId, stateDir.toString(), PARTITIONS))
          .ensureTopics();
      String[] childArgs = {bootstrap, topics.prefix(), appId, stateDir.toString(), Integer.toString(PARTITIONS)};
      child = launch(childArgs, log);

      AtomicInteger sent = new AtomicInteger();
      AtomicReference<Throwable> senderFailure = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      int perTick = Math.max(1, workload.records() / (Math.max(1, kills) * 5 * 8));
      Thread sender = new Thread(() -> {
        try (ReliabilityKafka.Deltas barrier = kafka.new Deltas(topics.deltas())) {
          pace(kafka, topics, workload.phase1, perTick, sent);
          // Events name keys sent in phase 1: wait until those are known (kills go on meanwhile).
          await("the KMS keys of phase 1 evaluated").atMost(Duration.ofMinutes(3)).until(() -> {
            barrier.poll();
            return barrier.lines.stream().filter(l -> l.startsWith("p25-") && l.contains(" NEW ")).count()
                >= workload.keySnapshots;
          });
          pace(kafka, topics, workload.phase2, perTick, sent);
        } catch (Throwable t) {
          senderFailure.set(t);
        } finally {
          done.countDown();
        }
      }, "rel-sender");
      sender.start();

      int wipeAt = kills == 0 ? 0 : 1 + random.nextInt(kills);
      for (int k = 1; k <= kills; k++) {
        long delay = 2_000 + random.nextInt(5_000);
        Thread.sleep(delay);
        child.destroyForcibly().waitFor();
        LOG.info("kill {}/{} after {} ms, {} of {} records sent, {} deltas committed{}", k, kills, delay,
            sent.get(), workload.records(), deltas.poll(), k == wipeAt ? ", state dir wiped" : "");
        if (k == wipeAt) {
          deleteRecursively(stateDir);
        }
        child = launch(childArgs, log);
      }
      Thread diagnostics = diagnostics(bootstrap, topics.deltas());
      done.await();
      assertThat(senderFailure.get()).isNull();

      await("every expected delta committed").atMost(Duration.ofMinutes(3))
          .until(() -> deltas.poll() >= expected.deltas().size());
      List<String> actual = deltas.drain(Duration.ofSeconds(3));
      assertExactly(actual, expected.deltas());
      assertThat(kafka.latestStates(topics.findingState())).isEqualTo(expected.states());
      child.destroyForcibly().waitFor();

      // Replay from offset 0 into a fresh application id: the same deltas again, after the first run's.
      int before = actual.size();
      StreamsSettings fresh = StreamsChild.settings(bootstrap, topics.prefix(), appId + "-replay",
          Files.createTempDirectory("rel-replay").toString(), PARTITIONS);
      try (ComplianceStreamsApp replay = new ComplianceStreamsApp(fresh, PracticeCatalogue.all()).start()) {
        awaitQuietly(Duration.ofMinutes(2), () -> deltas.poll() >= before + expected.deltas().size());
        List<String> all = deltas.drain(Duration.ofSeconds(3));
        LOG.info("first run {} deltas, replay {} deltas, expected {}; replay sample {}", before,
            all.size() - before, expected.deltas().size(), all.subList(before, Math.min(all.size(), before + 20)));
        assertExactly(all.subList(before, all.size()), expected.deltas());
      }
      LOG.info("crash run passed: {} kills survived, {} records ({} snapshots, {} events + {} duplicates), "
              + "{} deltas, 0 lost, 0 duplicated, {} finding states, {} s",
          kills, workload.records(), workload.bucketSnapshots + workload.keySnapshots, workload.events,
          workload.duplicateEvents, expected.deltas().size(), expected.states().size(),
          (System.nanoTime() - began) / 1_000_000_000);
    }
  }

  /**
   * Logs every 15 s, while the test waits, what a read_committed reader can see of the delta
   * topic (last stable vs high watermark per partition) and the broker's open transactions: the
   * evidence for a hang after many kills.
   */
  private static Thread diagnostics(String bootstrap, String deltaTopic) {
    Thread t = new Thread(() -> {
      try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
          java.util.Map.of("bootstrap.servers", bootstrap))) {
        while (!Thread.currentThread().isInterrupted()) {
          var partitions = admin.describeTopics(List.of(deltaTopic)).allTopicNames().get()
              .get(deltaTopic).partitions().stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(deltaTopic, p.partition())).toList();
          var latest = new java.util.HashMap<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec>();
          partitions.forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
          var hw = admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
              org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED)).all().get();
          var lso = admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
              org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get();
          StringBuilder line = new StringBuilder("diagnostics:");
          partitions.forEach(p -> line.append(' ').append(p.partition()).append(" lso/hw=")
              .append(lso.get(p).offset()).append('/').append(hw.get(p).offset()));
          var txns = admin.listTransactions().all().get();
          for (var txn : txns) {
            line.append(" | txn ").append(txn.transactionalId()).append(' ').append(txn.state());
          }
          LOG.info(line.toString());
          Thread.sleep(15_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.info("diagnostics stopped: {}", e.toString());
      }
    }, "rel-diagnostics");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits for the condition; on timeout goes on, so that the exact comparison names what is missing. */
  private static void awaitQuietly(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
    try {
      await().atMost(atMost).until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      LOG.warn("gave up waiting after {}; comparing what arrived", atMost);
    }
  }

  /** Equal as multisets, with missing and duplicated deltas counted in the failure message. */
  static void assertExactly(List<String> actual, List<String> expected) {
    List<String> missing = new ArrayList<>(expected);
    List<String> extra = new ArrayList<>();
    for (String line : actual) {
      if (!missing.remove(line)) {
        extra.add(line);
      }
    }
    assertThat(missing).as("missing deltas").isEmpty();
    assertThat(extra).as("duplicated or unexpected deltas").isEmpty();
  }

  private static void pace(ReliabilityKafka kafka, Topics topics, List<Workload.Input> inputs, int perTick,
      AtomicInteger sent) throws InterruptedException {
    for (int i = 0; i < inputs.size(); i++) {
      kafka.send(topics, inputs.get(i));
      if ((i + 1) % perTick == 0) {
        kafka.flush();
        sent.addAndGet(perTick);
        Thread.sleep(200);
      }
    }
    kafka.flush();
    sent.addAndGet(inputs.size() % perTick);
  }

  static Process launch(String[] args, File log) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), StreamsChild.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    pb.environment().put("LOG_LEVEL", System.getProperty("reliability.child.log", "WARN"));
    return pb.start();
  }

  static void deleteRecursively(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
    }
  }
}
