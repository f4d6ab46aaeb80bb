package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.util.Optional;

/** Detector deletion (practice 26). */
final class GuardDutyPatches {

  private GuardDutyPatches() {}

  /** DeleteDetector → Detectors: the id leaves DetectorIds (ListDetectors) and Detectors. */
  static Optional<ConfigurationItem> deleteDetector(ConfigurationItem current, TrailEvent e) {
    String id = Json.text(e.requestParameters(), "detectorId");
    Optional<ObjectNode> config = Items.configurationCopy(current);
    if (id == null || config.isEmpty()) {
      return Optional.empty();
    }
    boolean found = removeWhere(Json.array(config.get(), "DetectorIds"), null, id);
    removeWhere(Json.array(config.get(), "Detectors"), "DetectorId", id);
    return found
        ? Optional.of(Items.withConfiguration(current, config.get(), e))
        : Optional.empty();
  }

  private static boolean removeWhere(ArrayNode array, String field, String value) {
    boolean found = false;
    for (int i = array.size() - 1; i >= 0; i--) {
      String v = field == null ? array.get(i).asText() : Json.text(array.get(i), field);
      if (value.equals(v)) {
        array.remove(i);
        found = true;
      }
    }
    return found;
  }
}
