/**
 * Publishes what ingest produces to Kafka: snapshots, CloudTrail events and dead letters, through
 * one idempotent producer whose acknowledgements the sources wait for before they let go of their
 * input (SQS messages, consumer offsets); and keeps the scan inventory in its compacted topic.
 */
package io.compliancestreams.ingest.publish;
