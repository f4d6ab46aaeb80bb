package io.compliancestreams.streams.practices;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What a practice is, beside its logic.
 *
 * @param number the source article's order, 1–26
 * @param controlId the AWS Security Hub FSBP control (e.g. {@code IAM.1})
 * @param severity the article's rating (HIGH / MEDIUM / LOW)
 * @param securityHubSeverity the current Security Hub severity
 * @param resourceTypes the snapshot types the practice reads (AWS Config types or our extension
 *     types, see schemas/README.md)
 * @param events CloudTrail calls that can change the status
 * @param remediation how to fix a failure, in our own words
 */
public record PracticeMetadata(
    int number,
    String controlId,
    String title,
    Severity severity,
    Severity securityHubSeverity,
    Scope scope,
    List<String> resourceTypes,
    List<EventTrigger> events,
    List<ParameterSpec> parameters,
    String remediation,
    URI reference) {

  public PracticeMetadata {
    Objects.requireNonNull(controlId, "controlId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(securityHubSeverity, "securityHubSeverity");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(reference, "reference");
    resourceTypes = List.copyOf(resourceTypes);
    events = List.copyOf(events);
    parameters = List.copyOf(parameters);
  }

  /** True when the practice reads snapshots of this type. */
  public boolean reads(String resourceType) {
    return resourceTypes.contains(resourceType);
  }
}
