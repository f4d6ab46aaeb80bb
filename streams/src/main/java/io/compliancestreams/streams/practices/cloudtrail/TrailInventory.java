package io.compliancestreams.streams.practices.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The distinct trails of an account, read from its per-region {@link CloudTrailTypes#TRAILS}
 * snapshots. A multi-Region trail appears in every region (shadow copies, same ARN): it is kept
 * once, preferring the copy seen from its home region, because StartLogging / StopLogging /
 * PutEventSelectors are called there and that snapshot is refreshed first.
 */
final class TrailInventory {

  /** One trail as seen from one region's snapshot. */
  record Trail(String arn, String name, String homeRegion, String seenIn, Instant capturedAt, JsonNode entry, String where) {

    boolean seenFromHome() {
      return seenIn.equals(homeRegion);
    }

    boolean multiRegion() {
      return JsonFields.bool(entry.path("IsMultiRegionTrail"), false, where + ".IsMultiRegionTrail");
    }

    boolean organization() {
      return JsonFields.bool(entry.path("IsOrganizationTrail"), false, where + ".IsOrganizationTrail");
    }

    /** "trail org-audit (arn:..., home us-east-1)" for reasons. */
    String label() {
      return (organization() ? "organization trail " : "trail ") + name + " (" + arn + ", home " + homeRegion + ")";
    }
  }

  private TrailInventory() {}

  /** Every distinct trail, ordered by ARN. */
  static List<Trail> distinct(List<ConfigurationItem> snapshots) {
    Map<String, Trail> byArn = new TreeMap<>();
    for (ConfigurationItem snapshot : snapshots) {
      String where = snapshot.key() + " configuration.trailList";
      JsonNode list = snapshot.configuration().path("trailList");
      if (!list.isArray()) {
        throw new MalformedItemException(where, "expected an array, got " + list.getNodeType());
      }
      for (int i = 0; i < list.size(); i++) {
        Trail trail = read(list.get(i), snapshot, where + "[" + i + "]");
        byArn.merge(trail.arn(), trail, TrailInventory::better);
      }
    }
    return List.copyOf(byArn.values());
  }

  private static Trail read(JsonNode entry, ConfigurationItem snapshot, String where) {
    if (!entry.isObject()) {
      throw new MalformedItemException(where, "expected an object, got " + entry.getNodeType());
    }
    String arn = JsonFields.text(entry.path("TrailARN"), "", where + ".TrailARN");
    if (arn.isBlank()) {
      throw new MalformedItemException(where + ".TrailARN", "is missing");
    }
    String name = JsonFields.text(entry.path("Name"), arn, where + ".Name");
    String home = JsonFields.text(entry.path("HomeRegion"), snapshot.awsRegion(), where + ".HomeRegion");
    return new Trail(arn, name, home, snapshot.awsRegion(), snapshot.captureTime(), entry, where);
  }

  /** The home-region copy wins; otherwise the most recently captured; otherwise the first seen. */
  private static Trail better(Trail first, Trail second) {
    if (first.seenFromHome() != second.seenFromHome()) {
      return first.seenFromHome() ? first : second;
    }
    Comparator<Instant> order = Comparator.nullsFirst(Comparator.naturalOrder());
    return order.compare(second.capturedAt(), first.capturedAt()) > 0 ? second : first;
  }
}
