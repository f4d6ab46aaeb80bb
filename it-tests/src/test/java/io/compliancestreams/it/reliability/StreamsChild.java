package io.compliancestreams.it.reliability;

import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.topology.ComplianceTopology;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.TopicCreator;
import io.compliancestreams.streams.topology.Topics;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The streams application alone in a JVM, for {@link CrashRecoveryTest} to SIGKILL:
 * {@code StreamsChild <bootstrap> <topic prefix> <application id> <state dir> <partitions>}.
 * Builds KafkaStreams as ComplianceStreamsApp does (same topology, settings and thread-replacing
 * handler) with one difference: a 6 s session timeout, so that the group notices a killed member
 * in seconds instead of 45 s. The suppression audit ComplianceStreamsApp runs beside it is left
 * out: the crash test does not need it.
 * Prints {@code STATE <state>} on every transition.
 */
public final class StreamsChild {

  private StreamsChild() {}

  public static void main(String[] args) throws Exception {
    // Static membership as docs/deployment.md recommends (streams.instance.id): a restarted child
    // takes its predecessor's place without waiting for a rebalance.
    StreamsSettings settings = settings(args[0], args[1], args[2], args[3], Integer.parseInt(args[4]))
        .withInstanceId(args[2] + "-child");
    new TopicCreator(settings).ensureTopics();
    KafkaStreams streams = new KafkaStreams(
        new ComplianceTopology(settings, PracticeCatalogue.all()).build(), properties(settings));
    streams.setStateListener((next, previous) -> System.out.println("STATE " + next));
    streams.setUncaughtExceptionHandler(
        e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
    streams.start();
    Thread.currentThread().join();
  }

  static StreamsSettings settings(String bootstrap, String prefix, String appId, String stateDir, int partitions) {
    StreamsSettings base = StreamsSettings.defaults(bootstrap, stateDir);
    return new StreamsSettings(appId, bootstrap, new Topics(prefix), partitions, (short) 1,
        base.processingGuarantee(), stateDir, base.commitInterval(), base.recheckPoll(),
        base.scopeDebounce(), base.eventDedupeWindow(), base.serdeConfig(), true, null, null);
  }

  static Properties properties(StreamsSettings settings) {
    Properties p = settings.toProperties();
    p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "6000");
    p.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), "1500");
    return p;
  }
}
