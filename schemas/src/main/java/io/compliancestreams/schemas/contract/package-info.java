/**
 * The contract between the modules, written once: the canonical resource key, the resource type
 * names, the topic names and the dead-letter header names (schemas/README.md). Plain code: every
 * module (ingest, streams, sinks, app) depends on it, and it depends on nothing of theirs.
 */
package io.compliancestreams.schemas.contract;
