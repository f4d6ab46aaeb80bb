/**
 * The S3 audit trail: every delta as a JSON line in gzip objects named by topic, partition and
 * first offset under Hive-style {@code dt=}/{@code hr=} folders of the delta's evaluation time, so
 * a replay rewrites the same objects and Athena reads them as they are; and, optionally, a daily
 * full-posture snapshot of the finding state under {@code posture/dt=}.
 */
package io.compliancestreams.sinks.s3;
