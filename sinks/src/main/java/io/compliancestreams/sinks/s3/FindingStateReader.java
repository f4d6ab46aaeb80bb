package io.compliancestreams.sinks.s3;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.topics.CompactedTopicReader;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted finding state topic from the beginning up to the end offsets taken when the
 * read starts, and keeps the latest value per finding id; a tombstone removes the finding. No
 * consumer group (assign, nothing committed), and read_committed because the topology writes the
 * topic in transactions: the end offsets are then the last stable offsets, so an open transaction
 * neither blocks the read nor leaks uncommitted findings into the posture.
 */
final class FindingStateReader {

  private static final Logger LOG = LoggerFactory.getLogger(FindingStateReader.class);

  private final PostureSnapshotSettings settings;

  FindingStateReader(PostureSnapshotSettings settings) {
    this.settings = settings;
  }

  /** The live findings by id, as of the end offsets at the start of the call. */
  SortedMap<String, Finding> read() throws DeliveryException {
    String topic = settings.stateTopic();
    Deserializer<Finding> values = AvroSerdes.finding(settings.serdeConfig()).deserializer();
    SortedMap<String, Finding> live = new TreeMap<>();
    try {
      new CompactedTopicReader(settings.kafka().consumer(),
          "posture-snapshot", settings.readTimeout()).readToEnd(topic, r -> apply(live, r, values));
      return live;
    } catch (IllegalStateException | KafkaException e) {
      // Missing is retried rather than written as empty: an empty posture would claim no findings.
      throw DeliveryException.retryable("reading " + topic + " failed: " + e.getMessage(), e);
    }
  }

  private static void apply(SortedMap<String, Finding> live, ConsumerRecord<String, byte[]> r,
      Deserializer<Finding> values) {
    if (r.key() == null) {
      return;
    }
    if (r.value() == null) {
      live.remove(r.key());
      return;
    }
    try {
      live.put(r.key(), values.deserialize(r.topic(), r.value()));
    } catch (RuntimeException e) {
      // The finding's current state is unknown: leave it out rather than report an older one.
      live.remove(r.key());
      LOG.warn("posture snapshot: undecodable state of {} at {}-{}@{} left out: {}", r.key(), r.topic(),
          r.partition(), r.offset(), e.getMessage());
    }
  }
}
