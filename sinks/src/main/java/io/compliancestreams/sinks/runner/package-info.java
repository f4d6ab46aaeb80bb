/**
 * The shared sink runner and the contract every destination implements. The runner's parts each do
 * one job: {@code SinkClients} builds the Kafka clients, {@code RecordHandler} and
 * {@code RetryingDelivery} take a record to the destination or the dead-letter topic,
 * {@code OffsetLedger} decides what may be committed, and {@code SinkRunner} owns the lifecycle.
 */
package io.compliancestreams.sinks.runner;
