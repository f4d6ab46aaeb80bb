package io.compliancestreams.sinks.ocsf;

import java.util.Arrays;

/**
 * The OCSF schema version the sink writes. 1.6.0 is the default: AWS Security Hub speaks it, and
 * it has {@code resources} and {@code evidences}. 1.1.0 is kept for Amazon Security Lake, whose
 * custom sources read that version; it has a single {@code resource} and no evidences.
 */
public enum OcsfVersion {
  V1_6_0("1.6.0"),
  V1_1_0("1.1.0");

  public static final OcsfVersion DEFAULT = V1_6_0;

  private final String label;

  OcsfVersion(String label) {
    this.label = label;
  }

  /** The version as {@code metadata.version} writes it, e.g. {@code 1.6.0}. */
  public String label() {
    return label;
  }

  /** The version whose label this is. */
  public static OcsfVersion of(String label) {
    return Arrays.stream(values())
        .filter(v -> v.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown OCSF version '" + label + "', expected 1.6.0 or 1.1.0"));
  }
}
