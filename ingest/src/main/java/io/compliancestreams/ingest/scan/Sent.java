package io.compliancestreams.ingest.scan;

import java.util.concurrent.CompletableFuture;

/** A snapshot a scope handed to the sink: its resource key and its acknowledgement. */
record Sent(String key, CompletableFuture<Void> acked) {}
