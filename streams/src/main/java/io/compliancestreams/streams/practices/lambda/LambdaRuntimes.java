package io.compliancestreams.streams.practices.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Lambda runtimes a Zip function may use, each with the day its standard support ends
 * (deprecation). Data, not code: the bundled list is {@value #RESOURCE}, so updating AWS's dates
 * means editing that file and bumping its {@code version}.
 *
 * @param version the list's version (the date its source was captured), quoted in reasons
 */
public record LambdaRuntimes(String version, Map<String, LocalDate> deprecations) {

  /** The classpath resource holding the bundled list. */
  public static final String RESOURCE = "practices/lambda-runtimes.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public LambdaRuntimes {
    Objects.requireNonNull(version, "version");
    deprecations = Map.copyOf(deprecations);
  }

  /** The deprecation day of a known runtime, or empty for a runtime not in the list. */
  public Optional<LocalDate> deprecation(String runtime) {
    return Optional.ofNullable(deprecations.get(runtime));
  }

  /**
   * Reads the bundled list. Called once, when the practice is built (never during evaluation); a
   * missing or malformed file fails fast, naming the resource.
   */
  public static LambdaRuntimes bundled() {
    URL url = LambdaRuntimes.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
    }
    try {
      return parse(MAPPER.readTree(url));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Parses the list's JSON: {@code {"version": .., "runtimes": [{"runtime", "deprecation"}]}}. */
  public static LambdaRuntimes parse(JsonNode document) {
    String version = document.path("version").asText("");
    if (version.isBlank()) {
      throw new IllegalArgumentException("runtime list has no version");
    }
    Map<String, LocalDate> deprecations = new LinkedHashMap<>();
    JsonNode runtimes = document.path("runtimes");
    if (!runtimes.isArray() || runtimes.isEmpty()) {
      throw new IllegalArgumentException("runtime list has no runtimes array");
    }
    for (JsonNode entry : runtimes) {
      String runtime = entry.path("runtime").asText("");
      String date = entry.path("deprecation").asText("");
      if (runtime.isBlank()) {
        throw new IllegalArgumentException("runtime list entry without a runtime: " + entry);
      }
      try {
        if (deprecations.put(runtime, LocalDate.parse(date)) != null) {
          throw new IllegalArgumentException("runtime " + runtime + " is listed twice");
        }
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "runtime " + runtime + " has an invalid deprecation date '" + date + "'", e);
      }
    }
    return new LambdaRuntimes(version, deprecations);
  }
}
