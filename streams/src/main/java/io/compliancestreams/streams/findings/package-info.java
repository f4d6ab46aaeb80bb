/**
 * Findings and their changes, as pure values: the stable finding id, the stored state of a
 * finding, and the diff that turns previous and current evaluations into deltas. No Kafka here:
 * the topology calls these functions and persists what they return.
 */
package io.compliancestreams.streams.findings;
