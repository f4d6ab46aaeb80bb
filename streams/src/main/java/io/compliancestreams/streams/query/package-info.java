/**
 * Interactive queries over the topology's state: current findings with filters, a posture summary,
 * one resource's evaluations, and which instance owns a key (for routing across instances).
 */
package io.compliancestreams.streams.query;
