/**
 * Kafka serdes for the Avro contracts in {@code io.compliancestreams.schemas.avro}: Avro binary on the wire,
 * either as Avro single-object encoding (no registry) or in the Confluent Schema Registry wire format.
 *
 * <p>Other modules create serdes through {@link io.compliancestreams.schemas.AvroSerdes} from a
 * {@link io.compliancestreams.schemas.SerdeConfig}; every decoding or registry failure is a
 * {@link io.compliancestreams.schemas.SchemaException}. Record keys are plain strings (Kafka's
 * {@code Serdes.String()}); see {@code schemas/README.md}.
 */
package io.compliancestreams.schemas;
