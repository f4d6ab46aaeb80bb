package io.compliancestreams.ingest.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.ingest.scan.InventoryChange;
import io.compliancestreams.ingest.scan.KnownResource;
import io.compliancestreams.ingest.scan.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of the inventory topic ({@code compliance.scan.inventory.v1}): one per (scope,
 * resource), key {@code <account>/<region>/<collector>|<canonical resource key>} so compaction keeps
 * the latest per resource; value a JSON document with the scope and the resource, or a tombstone
 * when the resource left its scope's inventory. The value carries every field, so nothing is ever
 * parsed out of the key. JSON rather than Avro: ingest's own internal data that no other component
 * reads, like the topology's store values (streams' {@code JsonSerde} says why).
 */
final class InventoryRecords {

  private static final ObjectMapper JSON = new ObjectMapper()
      // A later version may add fields; an older reader keeps what it knows.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The value of one record. */
  record Entry(Scope scope, KnownResource resource) {
    Entry {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(resource, "resource");
    }
  }

  private InventoryRecords() {}

  static String key(Scope scope, String resourceKey) {
    return scope + "|" + resourceKey;
  }

  /** The records that write {@code change}: a value per resource put, a tombstone per key removed. */
  static List<ProducerRecord<String, byte[]>> of(String topic, InventoryChange change) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (KnownResource resource : change.put()) {
      records.add(new ProducerRecord<>(topic, key(change.scope(), resource.key()),
          write(new Entry(change.scope(), resource))));
    }
    for (String removed : change.removed()) {
      records.add(new ProducerRecord<>(topic, key(change.scope(), removed), null));
    }
    return records;
  }

  static byte[] write(Entry entry) {
    try {
      return JSON.writeValueAsBytes(entry);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write inventory entry of " + entry.resource().key(), e);
    }
  }

  /** Decodes a value; throws IllegalArgumentException on one that is not an entry. */
  static Entry read(byte[] value) {
    try {
      Entry entry = JSON.readValue(value, Entry.class);
      if (entry == null) {
        throw new IllegalArgumentException("empty inventory entry");
      }
      return entry;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an inventory entry: " + e.getMessage(), e);
    }
  }
}
