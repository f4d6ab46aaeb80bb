/**
 * Reading one of the pipeline's compacted topics whole ({@link
 * io.compliancestreams.schemas.topics.CompactedTopicReader}), for the modules that rebuild a view
 * from one at start or on a schedule (the ingest service's scan inventory, the S3 sink's posture
 * snapshot). Here because it is the one module both depend on.
 */
package io.compliancestreams.schemas.topics;
