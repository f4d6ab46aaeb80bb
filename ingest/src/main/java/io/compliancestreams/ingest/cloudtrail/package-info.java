/**
 * CloudTrail sources: raw CloudTrail records (log files in S3, EventBridge events on SQS, replay
 * files) mapped to {@code CloudTrailEvent} records and published keyed by account and region;
 * unusable input goes to the dead-letter topic and never blocks a queue.
 */
package io.compliancestreams.ingest.cloudtrail;
