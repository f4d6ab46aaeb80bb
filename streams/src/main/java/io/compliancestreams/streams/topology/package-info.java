/**
 * The Kafka Streams application: topic names, settings, the topology (snapshot, CloudTrail and
 * scope sub-topologies), its processors, the mappers between Avro contracts and the pure core, and
 * the class that owns {@code KafkaStreams}.
 */
package io.compliancestreams.streams.topology;
