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
    return (practice == null || practice == f.practice())
        && (control == null || control.equalsIgnoreCase(f.controlId()))
        && (account == null || account.equals(f.accountId()))
        && (region == null || region.equals(f.region()))
        && (status == null || status.equalsIgnoreCase(f.status()))
        && (severity == null || severity.equalsIgnoreCase(f.severity()))
        && (resource == null || contains(f.resourceKey(), resource) || contains(f.resourceArn(), resource));
  }

  private static boolean contains(String text, String part) {
    return text != null && text.toLowerCase().contains(part.toLowerCase());
  }
}
