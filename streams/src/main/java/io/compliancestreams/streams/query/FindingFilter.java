package io.compliancestreams.streams.query;

/**
 * Filters of the findings query; null means "any". {@code resource} matches a substring of the
 * resource key or ARN, case-insensitively.
 */
public record FindingFilter(
    Integer practice, String control, String account, String region, String status,
    String severity, String resource) {

  public static final FindingFilter ALL = new FindingFilter(null, null, null, null, null, null, null);

  public boolean matches(FindingView f) {
    return (status == null || status.equalsIgnoreCase(f.status()))
        && matchesFinding(f.practice(), f.controlId(), f.accountId(), f.region(), f.severity(), f.resourceKey(),
            f.resourceArn());
  }

  /** Every filter but the status: which practice, where, how severe, which resource. */
  public boolean matchesFinding(int practice, String controlId, String accountId, String region, String severity,
      String resourceKey, String resourceArn) {
    return (this.practice == null || this.practice == practice)
        && (control == null || control.equalsIgnoreCase(controlId))
        && (account == null || account.equals(accountId))
        && (this.region == null || this.region.equals(region))
        && (this.severity == null || this.severity.equalsIgnoreCase(severity))
        && (resource == null || contains(resourceKey, resource) || contains(resourceArn, resource));
  }

  private static boolean contains(String text, String part) {
    return text != null && text.toLowerCase().contains(part.toLowerCase());
  }
}
