package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.streams.findings.SuppressionRule;
import io.compliancestreams.streams.state.StateStores;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the global suppressions store from the compacted suppressions topic. A record that cannot
 * be read is skipped with a warning naming its offset: a bad mutelist entry must not stop
 * evaluation (the CLI validates entries before it writes them). A global store's processor cannot
 * forward, so the {@link SuppressionAudit}, reading the same topic, dead-letters those records.
 */
final class SuppressionLoader implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(SuppressionLoader.class);

  private final Deserializer<Suppression> deserializer;
  private KeyValueStore<String, SuppressionRule> store;
  private ProcessorContext<Void, Void> context;

  SuppressionLoader(Deserializer<Suppression> deserializer) {
    this.deserializer = deserializer;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    store = context.getStateStore(StateStores.SUPPRESSIONS);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    try {
      Suppression s = deserializer.deserialize("suppressions", record.value());
      store.put(record.key(), SuppressionMapper.toRule(s));
    } catch (RuntimeException e) {
      LOG.warn("skipping unreadable suppression {} at {}: {}", record.key(),
          context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"),
          e.getMessage());
    }
  }
}
