package io.compliancestreams.sinks.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the audit trail is written.
 *
 * @param bucket the bucket
 * @param prefix key prefix without a trailing slash ({@code ""} for none), e.g. {@code audit}
 * @param region the bucket's region
 * @param endpoint an endpoint override for S3-compatible servers (MinIO, s3proxy), or null for AWS
 * @param pathStyle path-style addressing ({@code http://host/bucket/key}), needed by most S3-compatible servers
 * @param maxRecords an object is closed when it holds this many records
 * @param maxBytes ... or this many uncompressed bytes
 * @param maxRecordTimeSpan ... or when a record's evaluatedAt is this much later than the object's first
 * @param maxBufferAge a partly filled object is uploaded after this much wall-clock time, so a
 *     quiet trail does not hold its last records back for ever
 */
public record S3AuditTrailSettings(
    String bucket,
    String prefix,
    String region,
    URI endpoint,
    boolean pathStyle,
    int maxRecords,
    long maxBytes,
    Duration maxRecordTimeSpan,
    Duration maxBufferAge) {

  public static final int DEFAULT_MAX_RECORDS = 10_000;
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  public static final Duration DEFAULT_MAX_RECORD_TIME_SPAN = Duration.ofMinutes(15);
  public static final Duration DEFAULT_MAX_BUFFER_AGE = Duration.ofMinutes(5);

  public S3AuditTrailSettings {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must not be blank");
    }
    prefix = prefix == null ? "" : stripSlashes(prefix);
    Objects.requireNonNull(region, "region");
    if (maxRecords < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("maxRecords and maxBytes must be positive");
    }
    requirePositive(maxRecordTimeSpan, "maxRecordTimeSpan");
    requirePositive(maxBufferAge, "maxBufferAge");
  }

  /** AWS S3 in {@code region} with the default limits. */
  public static S3AuditTrailSettings of(String bucket, String prefix, String region) {
    return new S3AuditTrailSettings(bucket, prefix, region, null, false, DEFAULT_MAX_RECORDS, DEFAULT_MAX_BYTES,
        DEFAULT_MAX_RECORD_TIME_SPAN, DEFAULT_MAX_BUFFER_AGE);
  }

  public S3AuditTrailSettings withEndpoint(URI value, boolean pathStyleAccess) {
    return new S3AuditTrailSettings(bucket, prefix, region, value, pathStyleAccess, maxRecords, maxBytes,
        maxRecordTimeSpan, maxBufferAge);
  }

  public S3AuditTrailSettings withLimits(int records, long bytes, Duration recordTimeSpan, Duration bufferAge) {
    return new S3AuditTrailSettings(bucket, prefix, region, endpoint, pathStyle, records, bytes, recordTimeSpan,
        bufferAge);
  }

  private static String stripSlashes(String value) {
    String v = value.strip();
    while (v.startsWith("/")) {
      v = v.substring(1);
    }
    while (v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    return v;
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
