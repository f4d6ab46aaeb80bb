/**
 * What the topology keeps in its state stores, how it is serialised, and how the stores are built
 * (persistent RocksDB, changelogged). The only place that may tune RocksDB.
 */
package io.compliancestreams.streams.state;
