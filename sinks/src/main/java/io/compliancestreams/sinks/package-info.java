/**
 * Independently deployable consumers of the delta topic, one consumer group per destination:
 * the shared runner (at-least-once, retries, dead letters, filters, metrics) and one package per
 * destination (slack, jira, s3, ocsf). Each destination is idempotent on its own.
 */
package io.compliancestreams.sinks;
