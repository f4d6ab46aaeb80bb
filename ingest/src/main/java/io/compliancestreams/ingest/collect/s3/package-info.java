/**
 * S3 collectors: buckets (each in its own region, with default encryption and bucket Block Public
 * Access as AWS Config's supplementary configuration) and the account Block Public Access setting.
 */
package io.compliancestreams.ingest.collect.s3;
