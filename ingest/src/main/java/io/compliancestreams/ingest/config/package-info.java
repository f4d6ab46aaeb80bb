/**
 * AWS Config as a snapshot source: configuration item change notifications (EventBridge or SNS, on
 * SQS; oversized ones fetched from S3) and the delivery channel's configuration snapshot files (from
 * S3, item by item) mapped to {@code ResourceSnapshot}s with source AWS_CONFIG,
 * keyed by the canonical resource key.
 */
package io.compliancestreams.ingest.config;
