/** Builds snapshot records in the AWS Config configuration item shape (the snapshot contract). */
package io.compliancestreams.ingest.snapshot;
