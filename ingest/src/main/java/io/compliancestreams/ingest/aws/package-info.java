/** AWS SDK client construction: endpoints (real AWS or an emulator), retries, call accounting. */
package io.compliancestreams.ingest.aws;
