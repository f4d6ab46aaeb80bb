package io.compliancestreams.streams.cloudtrail;

/** TEMPORARY stub until the cloudtrail branch lands. */
public record TrailEvent(String eventId, java.time.Instant eventTime) {}
