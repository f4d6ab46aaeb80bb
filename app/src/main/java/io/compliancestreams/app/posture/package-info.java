/**
 * The posture at a past instant, rebuilt from the s3 sink's audit trail (a daily posture snapshot
 * and the deltas after it) or, without one, from the delta topic; the replay is
 * {@link io.compliancestreams.streams.query.PostureReplay}.
 */
package io.compliancestreams.app.posture;
