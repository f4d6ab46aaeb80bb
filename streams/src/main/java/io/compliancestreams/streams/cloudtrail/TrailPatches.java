package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.util.Optional;

/** Trail logging and deletion (practices 12–14). */
final class TrailPatches {

  private TrailPatches() {}

  /** StartLogging / StopLogging → Trails: the named trail's Status.IsLogging (GetTrailStatus). */
  static Patch logging(boolean isLogging) {
    return (current, e) -> {
      String name = Json.text(e.requestParameters(), "name");
      Optional<ObjectNode> config = Items.configurationCopy(current);
      if (name == null || config.isEmpty()) {
        return Optional.empty();
      }
      boolean found = false;
      for (JsonNode trail : Json.array(config.get(), "trailList")) {
        if (trail instanceof ObjectNode t && names(t, name)) {
          Json.object(t, "Status").put("IsLogging", isLogging);
          found = true;
        }
      }
      return found
          ? Optional.of(Items.withConfiguration(current, config.get(), e))
          : Optional.empty();
    };
  }

  /** DeleteTrail → Trails: the named trail leaves trailList (DescribeTrails). */
  static Optional<ConfigurationItem> deleteFromTrails(ConfigurationItem current, TrailEvent e) {
    String name = Json.text(e.requestParameters(), "name");
    Optional<ObjectNode> config = Items.configurationCopy(current);
    if (name == null || config.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode trails = Json.array(config.get(), "trailList");
    boolean found = false;
    for (int i = trails.size() - 1; i >= 0; i--) {
      if (names(trails.get(i), name)) {
        trails.remove(i);
        found = true;
      }
    }
    return found
        ? Optional.of(Items.withConfiguration(current, config.get(), e))
        : Optional.empty();
  }

  /** DeleteTrail → AWS::CloudTrail::Trail: configurationItemStatus ResourceDeleted. */
  static Optional<ConfigurationItem> deleteTrail(ConfigurationItem current, TrailEvent e) {
    String name = Json.text(e.requestParameters(), "name");
    boolean same =
        name != null
            && (name.equals(current.resourceId())
                || name.equals(current.resourceName())
                || name.equals(current.arn())
                || name.equals(Json.text(current.configuration(), "trailARN")));
    return same ? Optional.of(Items.deleted(current, e)) : Optional.empty();
  }

  /** The request's {@code name} may be the trail's name or its ARN. */
  private static boolean names(JsonNode trail, String name) {
    return name.equals(Json.text(trail, "Name")) || name.equals(Json.text(trail, "TrailARN"));
  }
}
