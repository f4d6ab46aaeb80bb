package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Reads dotted paths in event JSON, stepping into arrays (every element) on the way. */
final class JsonPaths {

  private JsonPaths() {}

  /**
   * Every non-blank scalar at {@code path}, in document order, without duplicates. An array met on
   * the way (or at the end) contributes each element: {@code groupIds} on {@code ["sg-1","sg-2"]}
   * gives both, as does {@code items.groupId} on {@code [{..},{..}]}.
   */
  static List<String> values(JsonNode root, String path) {
    List<JsonNode> current = List.of(root);
    for (String step : path.split("\\.")) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        for (JsonNode element : flatten(node)) {
          JsonNode child = element.get(step);
          if (child != null && !child.isNull()) {
            next.add(child);
          }
        }
      }
      current = next;
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (JsonNode node : current) {
      for (JsonNode element : flatten(node)) {
        if (element.isValueNode() && !element.asText().isBlank()) {
          out.add(element.asText());
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<JsonNode> flatten(JsonNode node) {
    if (!node.isArray()) {
      return List.of(node);
    }
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }
}
