/**
 * Deltas for SIEMs as OCSF Compliance Finding events (class 2003), version 1.6.0 by default or
 * 1.1.0: a pure mapper, a Kafka topic for the SIEMs' own connectors and an optional Splunk HTTP
 * Event Collector.
 */
package io.compliancestreams.sinks.ocsf;
