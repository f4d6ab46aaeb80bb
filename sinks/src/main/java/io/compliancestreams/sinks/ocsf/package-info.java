/**
 * Deltas for SIEMs as OCSF 1.1.0 Compliance Finding events (class 2003): a pure mapper, a Kafka
 * topic for the SIEMs' own connectors and an optional Splunk HTTP Event Collector.
 */
package io.compliancestreams.sinks.ocsf;
