package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.Status;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers for patch tests: fixture items, events derived from real records, evaluation. */
final class PatchScenario {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PatchScenario() {}

  /** The items of a practice fixture. */
  static List<ConfigurationItem> items(int practice, String file) {
    return PracticeFixtures.load(practice, file).items();
  }

  /** The one item of a fixture with this type (the first when several). */
  static ConfigurationItem item(int practice, String file, String resourceType) {
    return items(practice, file).stream()
        .filter(i -> i.resourceType().equals(resourceType))
        .findFirst()
        .orElseThrow();
  }

  /** A real record with some requestParameters replaced, to aim it at a fixture's resource. */
  static TrailEvent record(String name, String requestOverrides) {
    ObjectNode raw = TrailRecords.json("records/" + name + ".json").deepCopy();
    if (requestOverrides != null) {
      ObjectNode request =
          raw.get("requestParameters") instanceof ObjectNode r
              ? r
              : raw.putObject("requestParameters");
      request.setAll((ObjectNode) json(requestOverrides));
    }
    return TrailEvents.fromRecord(raw);
  }

  static TrailEvent record(String name) {
    return record(name, null);
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statuses one practice gives over these items (at the fixtures' default instant). */
  static List<Status> statuses(int practice, List<ConfigurationItem> items) {
    List<Evaluation> results =
        new PracticeEngine(List.of(PracticeCatalogue.byNumber(practice)), Map.of())
            .evaluate(items, PracticeFixtures.DEFAULT_INSTANT);
    return results.stream().map(Evaluation::status).toList();
  }

  static List<Status> statuses(int practice, ConfigurationItem item) {
    return statuses(practice, List.of(item));
  }

  /** The items with one replaced by its patched version (same key). */
  static List<ConfigurationItem> replace(List<ConfigurationItem> items, ConfigurationItem patched) {
    List<ConfigurationItem> out = new ArrayList<>();
    for (ConfigurationItem i : items) {
      out.add(i.key().equals(patched.key()) ? patched : i);
    }
    return out;
  }
}
