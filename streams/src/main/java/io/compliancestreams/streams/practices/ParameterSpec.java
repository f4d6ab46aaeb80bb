package io.compliancestreams.streams.practices;

import java.util.Objects;

/** A tunable of a practice, with its default (as text) and what it means. */
public record ParameterSpec(String name, String defaultValue, String description) {
  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }
}
