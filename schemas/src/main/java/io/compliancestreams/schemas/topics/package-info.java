/**
 * The pipeline's topics as every module sees them: their names ({@link
 * io.compliancestreams.schemas.topics.LogicalTopics}), the headers of a dead-letter record ({@link
 * io.compliancestreams.schemas.topics.DeadLetterHeaders}), and reading one of the compacted topics
 * whole ({@link io.compliancestreams.schemas.topics.CompactedTopicReader}) for the modules that
 * rebuild a view from one at start or on a schedule (the ingest service's scan inventory, the S3
 * sink's posture snapshot, the sinks' maps, the {@code suppress} command). Here because it is the
 * one module they all depend on.
 */
package io.compliancestreams.schemas.topics;
