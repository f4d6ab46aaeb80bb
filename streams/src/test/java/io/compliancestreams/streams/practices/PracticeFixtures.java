package io.compliancestreams.streams.practices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Loads practice fixtures: JSON files under {@code src/test/resources/practices/NN/} (NN = the
 * practice number, two digits), named {@code pass-*.json}, {@code fail-*.json}, {@code na-*.json}
 * or {@code error-*.json} after the status they must produce. A file holds one configuration item,
 * an array of items, or {@code {"evaluatedAt": "<instant>", "configurationItems": [...]}}; without
 * {@code evaluatedAt} the instant is {@link #DEFAULT_INSTANT}.
 */
public final class PracticeFixtures {

  /** The evaluation instant of fixtures that do not name one. */
  public static final Instant DEFAULT_INSTANT = Instant.parse("2026-06-01T00:00:00Z");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PracticeFixtures() {}

  /** A loaded fixture: its items and the instant to evaluate them at. */
  public record Fixture(String path, List<ConfigurationItem> items, Instant at) {}

  /** The resource path of a practice's fixture, e.g. {@code practices/01/fail-star.json}. */
  public static String path(int practice, String fileName) {
    return String.format("practices/%02d/%s", practice, fileName);
  }

  public static Fixture load(int practice, String fileName) {
    return loadPath(path(practice, fileName));
  }

  public static Fixture loadPath(String resourcePath) {
    try (InputStream in = PracticeFixtures.class.getClassLoader().getResourceAsStream(resourcePath)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resourcePath);
      }
      JsonNode root = MAPPER.readTree(in);
      Instant at =
          root.has("evaluatedAt") ? Instant.parse(root.get("evaluatedAt").asText()) : DEFAULT_INSTANT;
      return new Fixture(resourcePath, ConfigurationItemJson.readAll(root), at);
    } catch (IOException e) {
      throw new UncheckedIOException(resourcePath, e);
    }
  }

  /** Evaluates one practice on a fixture, at the fixture's instant. */
  public static List<Evaluation> evaluate(Practice practice, String fileName) {
    Fixture fixture = load(practice.number(), fileName);
    return evaluate(practice, fixture, fixture.at());
  }

  /** The single evaluation a fixture yields (fails the test when it yields another count). */
  public static Evaluation evaluateOne(Practice practice, String fileName) {
    List<Evaluation> evaluations = evaluate(practice, fileName);
    if (evaluations.size() != 1) {
      throw new AssertionError(fileName + ": expected one evaluation, got " + evaluations);
    }
    return evaluations.get(0);
  }

  /** Evaluates one practice on a fixture at another instant (for time-based practices). */
  public static List<Evaluation> evaluate(Practice practice, String fileName, Instant at) {
    return evaluate(practice, load(practice.number(), fileName), at);
  }

  private static List<Evaluation> evaluate(Practice practice, Fixture fixture, Instant at) {
    return new PracticeEngine(List.of(practice), Map.of()).evaluate(fixture.items(), at);
  }
}
