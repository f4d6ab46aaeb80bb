package io.compliancestreams.schemas;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one generated Avro record class; built, fully configured, by {@link AvroSerdes}.
 *
 * <p>Null is a tombstone both ways: a null record serializes to null bytes and null bytes deserialize to null.
 * Any other failure is a {@link SchemaException}. {@link #configure} only records whether the serde is used for
 * keys (subject {@code <topic>-key}) or values (the default, {@code <topic>-value}); the config map is ignored.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final WireFormat<T> format;
    private volatile boolean isKey;

    AvroSerde(Class<T> type, WireFormat<T> format) {
        this.type = Objects.requireNonNull(type, "type");
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The generated record class this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : format.encode(topic, isKey, data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : format.decode(topic, bytes);
    }

    @Override
    public String toString() {
        return "AvroSerde[" + type.getSimpleName() + ", " + format.getClass().getSimpleName() + "]";
    }
}
