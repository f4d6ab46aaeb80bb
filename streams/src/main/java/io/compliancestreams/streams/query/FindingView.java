package io.compliancestreams.streams.query;

import java.time.Instant;

/** One finding as the query API shows it; {@code resourceName} when its resource has a name besides its id. */
public record FindingView(
    String findingId,
    int practice,
    String controlId,
    String title,
    String severity,
    String status,
    String accountId,
    String region,
    String resourceType,
    String resourceId,
    String resourceArn,
    String resourceKey,
    String reason,
    String remediation,
    Instant evaluatedAt,
    Instant firstSeenAt,
    Instant lastChangedAt,
    boolean suppressed,
    String resourceName) {}
