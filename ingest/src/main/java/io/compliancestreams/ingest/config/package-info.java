/**
 * AWS Config as a snapshot source: configuration item change notifications (EventBridge or SNS, on
 * SQS; oversized ones fetched from S3) mapped to {@code ResourceSnapshot}s with source AWS_CONFIG,
 * keyed by the canonical resource key.
 */
package io.compliancestreams.ingest.config;
