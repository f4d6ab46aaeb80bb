package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.aws.AwsSettings;
import java.util.Objects;

/**
 * One account to scan: how to reach it, and a label for reports until its id is known (STS).
 *
 * @param label e.g. {@code default} or the assumed role's ARN; never a secret
 */
public record AccountTarget(String label, AwsSettings settings) {

  public AccountTarget {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(settings, "settings");
  }

  /** The account the given settings' credentials belong to. */
  public static AccountTarget of(AwsSettings settings) {
    return new AccountTarget("default", settings);
  }
}
