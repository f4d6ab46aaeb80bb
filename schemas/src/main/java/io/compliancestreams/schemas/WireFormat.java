package io.compliancestreams.schemas;

/** One way of putting an Avro record into Kafka bytes and back; never sees null (tombstones stay in the serde). */
interface WireFormat<T> {

    byte[] encode(String topic, boolean isKey, T record);

    T decode(String topic, byte[] payload);
}
