/**
 * CloudTrail practices: a logging multi-Region trail with all management events (CloudTrail.1),
 * and per-trail KMS encryption (CloudTrail.2) and log file validation (CloudTrail.4).
 */
package io.compliancestreams.streams.practices.cloudtrail;
