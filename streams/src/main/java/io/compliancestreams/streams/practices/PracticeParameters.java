package io.compliancestreams.streams.practices;

import java.time.Duration;
import java.util.Map;

/**
 * Parameter values for one practice, as text, falling back to the declared defaults. Typed getters
 * fail with the parameter's name when a value does not parse.
 */
public record PracticeParameters(Map<String, String> values) {

  public static final PracticeParameters DEFAULTS = new PracticeParameters(Map.of());

  public PracticeParameters {
    values = Map.copyOf(values);
  }

  /** Overrides for the given names; everything else keeps its default. */
  public static PracticeParameters of(Map<String, String> values) {
    return new PracticeParameters(values);
  }

  public String text(ParameterSpec spec) {
    return values.getOrDefault(spec.name(), spec.defaultValue());
  }

  public int integer(ParameterSpec spec) {
    String value = text(spec);
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter " + spec.name() + " must be a whole number, got '" + value + "'", e);
    }
  }

  public boolean bool(ParameterSpec spec) {
    String value = text(spec).trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(
          "parameter " + spec.name() + " must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** A whole number of days as a {@link Duration}. */
  public Duration days(ParameterSpec spec) {
    return Duration.ofDays(integer(spec));
  }
}
