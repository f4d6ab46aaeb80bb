package io.compliancestreams.schemas;

import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.Suppression;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Creates the value serdes of every contract. Named {@code AvroSerdes}, not {@code Serdes}, so it sits beside
 * Kafka's {@code Serdes.String()} (the key serde of every topic) without a clash.
 *
 * <pre>{@code
 * SerdeConfig config = SerdeConfig.fromMap(streamsProperties);
 * Serde<FindingDelta> deltas = AvroSerdes.findingDelta(config);
 * }</pre>
 *
 * <p>Each call builds an independent serde (with its own registry client and cache in registry mode); build
 * each once at start-up and reuse it. The serdes are thread-safe.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** Serde for {@code aws.resource.snapshot.v1} values. */
    public static AvroSerde<ResourceSnapshot> resourceSnapshot(SerdeConfig config) {
        return forType(ResourceSnapshot.class, config);
    }

    /** Serde for {@code aws.cloudtrail.event.v1} values. */
    public static AvroSerde<CloudTrailEvent> cloudTrailEvent(SerdeConfig config) {
        return forType(CloudTrailEvent.class, config);
    }

    /** Serde for {@code compliance.rescan.request.v1} values. */
    public static AvroSerde<RescanRequest> rescanRequest(SerdeConfig config) {
        return forType(RescanRequest.class, config);
    }

    /** Serde for {@code compliance.finding.state.v1} values. */
    public static AvroSerde<Finding> finding(SerdeConfig config) {
        return forType(Finding.class, config);
    }

    /** Serde for {@code compliance.finding.delta.v1} values. */
    public static AvroSerde<FindingDelta> findingDelta(SerdeConfig config) {
        return forType(FindingDelta.class, config);
    }

    /** Serde for {@code compliance.suppression.v1} values. */
    public static AvroSerde<Suppression> suppression(SerdeConfig config) {
        return forType(Suppression.class, config);
    }

    /** Same as the named methods, reading the config from Kafka-style keys (see {@link SerdeConfig#fromMap}). */
    public static <T extends SpecificRecord> AvroSerde<T> forType(Class<T> type, Map<String, ?> configs) {
        return forType(type, SerdeConfig.fromMap(configs));
    }

    /**
     * A serde for any generated record class: Confluent wire format when {@code config} names a registry,
     * otherwise single-object encoding that also reads every released version under {@code avro/history}.
     */
    public static <T extends SpecificRecord> AvroSerde<T> forType(Class<T> type, SerdeConfig config) {
        Schema current = SpecificData.get().getSchema(type);
        WireFormat<T> format = config.usesRegistry()
                ? new ConfluentFormat<>(type, current, new SchemaRegistryClient(config), config.autoRegister())
                : new SingleObjectFormat<>(type, current, SchemaHistory.versions(current.getName()));
        return new AvroSerde<>(type, format);
    }
}
