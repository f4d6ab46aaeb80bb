/**
 * Publishes what ingest produces to Kafka: snapshots, CloudTrail events and dead letters, through
 * one idempotent producer whose acknowledgements the sources wait for before they let go of their
 * input (SQS messages, consumer offsets).
 */
package io.compliancestreams.ingest.publish;
