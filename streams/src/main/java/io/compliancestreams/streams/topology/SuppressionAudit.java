package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.streams.findings.SuppressionRule;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The suppression audit: a second, stateless Kafka Streams application that reads the
 * suppressions topic as a stream and sends the entries the global suppressions store cannot use
 * to the topic's DLQ. It is separate because the global store's processor cannot forward, and
 * Kafka Streams refuses one topology that reads a topic both into a global store and as a stream.
 * Builds its topology and properties; {@link ComplianceStreamsApp} runs it.
 */
final class SuppressionAudit {

  static final String APPLICATION_ID_SUFFIX = "-suppression-audit";

  private final StreamsSettings settings;

  SuppressionAudit(StreamsSettings settings) {
    this.settings = settings;
  }

  Topology build() {
    String topic = settings.topics().suppressions();
    Deserializer<Suppression> deserializer = AvroSerdes.suppression(settings.serdeConfig()).deserializer();
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Decoded<SuppressionRule>> decoded = builder
        .stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("suppressions-source"))
        // The loader ignores keyless records too (and a compacted topic refuses them).
        .filter((key, value) -> key != null, Named.as("suppressions-keyed"))
        .processValues(() -> new SuppressionDecoder(deserializer), Named.as("suppressions-decode"));
    DeadLetters.route(decoded, topic, "suppressions");
    return builder.build();
  }

  /**
   * The main application's properties under the audit's own application id (so its own consumer
   * group and its own folder in the state directory), with one thread: it does little work.
   */
  Properties properties() {
    Properties p = settings.toProperties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    // It has no stores, so nothing to answer queries for.
    p.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
    return p;
  }

  String applicationId() {
    return settings.applicationId() + APPLICATION_ID_SUFFIX;
  }
}
