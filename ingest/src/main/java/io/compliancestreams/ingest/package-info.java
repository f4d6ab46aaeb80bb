/**
 * Everything that reads AWS and publishes to Kafka: collectors (one per resource type, grouped by
 * AWS service), the scanner, the rescan consumer, and the CloudTrail and AWS Config sources. The
 * AWS SDK for Java v2 is used here (and for S3 in the sinks) and nowhere else.
 */
package io.compliancestreams.ingest;
