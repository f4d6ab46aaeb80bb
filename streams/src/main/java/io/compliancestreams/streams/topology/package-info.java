/**
 * The Kafka Streams application: topic names, settings, the topology (snapshot, CloudTrail and
 * scope sub-topologies), its processors, the mappers between Avro contracts and the pure core, the
 * suppression audit (a second, tiny topology that dead-letters unreadable suppressions), and the
 * class that owns both {@code KafkaStreams} instances.
 */
package io.compliancestreams.streams.topology;
