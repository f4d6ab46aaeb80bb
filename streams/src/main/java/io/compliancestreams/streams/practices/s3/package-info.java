/**
 * S3 practices: account-level and bucket-level Block Public Access (S3.1, S3.8) and bucket default
 * encryption (S3.4), read from AWS Config's {@code AWS::S3::AccountPublicAccessBlock} and {@code
 * AWS::S3::Bucket} items.
 */
package io.compliancestreams.streams.practices.s3;
