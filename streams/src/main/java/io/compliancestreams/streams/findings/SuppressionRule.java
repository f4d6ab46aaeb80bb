package io.compliancestreams.streams.findings;

import io.compliancestreams.streams.practices.ResourceRef;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One mutelist entry: either a finding id, or any combination of practice, account, region and a
 * resource ARN glob ({@code *} any characters, {@code ?} one). A suppressed finding is still
 * tracked; its deltas carry {@code suppressed=true} until the entry expires.
 */
public record SuppressionRule(
    String suppressionId,
    String findingId,
    Integer practice,
    String accountId,
    String region,
    String resourceArnGlob,
    String reason,
    String owner,
    Instant expiresAt,
    Instant createdAt) {

  public SuppressionRule {
    Objects.requireNonNull(suppressionId, "suppressionId");
    if (findingId == null && practice == null && accountId == null && region == null
        && resourceArnGlob == null) {
      throw new IllegalArgumentException(
          "suppression " + suppressionId + " matches everything: give a finding id or a filter");
    }
  }

  /** True when this entry mutes the finding at {@code at}. */
  public boolean matches(String finding, int practiceNumber, ResourceRef resource, Instant at) {
    if (expiresAt != null && !at.isBefore(expiresAt)) {
      return false;
    }
    if (findingId != null) {
      return findingId.equals(finding);
    }
    return (practice == null || practice == practiceNumber)
        && (accountId == null || accountId.equals(resource.accountId()))
        && (region == null || region.equals(resource.region()))
        && (resourceArnGlob == null || glob(resourceArnGlob).matcher(
            resource.arn() != null ? resource.arn() : resource.key()).matches());
  }

  /** True when the entry stopped applying in (from, to]. */
  public boolean expiredBetween(Instant from, Instant to) {
    return expiresAt != null && expiresAt.isAfter(from) && !expiresAt.isAfter(to);
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
