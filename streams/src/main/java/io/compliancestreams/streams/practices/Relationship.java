package io.compliancestreams.streams.practices;

/** One entry of a configuration item's {@code relationships}. */
public record Relationship(
    String resourceType, String resourceId, String resourceName, String relationshipName) {}
