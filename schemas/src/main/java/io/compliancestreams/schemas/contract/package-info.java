/**
 * The contract between the modules that is plain code, written once: the canonical resource key
 * and the resource type names (schemas/README.md), and the readers of AWS Config items and
 * CloudTrail records. No Kafka, Avro or AWS SDK here (ArchitectureTest), so the pure practices may
 * use it too. Topic and dead-letter header names are in {@code schemas.topics}.
 */
package io.compliancestreams.schemas.contract;
