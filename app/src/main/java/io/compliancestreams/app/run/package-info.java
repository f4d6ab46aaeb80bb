/** Assembles running components (streams + query API, ingest, sinks) from the configuration. */
package io.compliancestreams.app.run;
