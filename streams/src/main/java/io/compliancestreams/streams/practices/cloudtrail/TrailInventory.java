package io.compliancestreams.streams.practices.cloudtrail;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The distinct trails of an account, read from its per-region {@link CloudTrailTypes#TRAILS}
 * snapshots. A multi-Region trail appears in every region (shadow copies, same ARN): it is kept
 * once, preferring the copy seen from its home region, because StartLogging / StopLogging /
 * PutEventSelectors are called there and that snapshot is refreshed first.
 */
final class TrailInventory {

  /** One trail as seen from one region's snapshot; {@code entry} is its DescribeTrails entry. */
  record ListedTrail(String arn, String name, String homeRegion, String seenIn, Instant capturedAt, ItemReader entry) {

    boolean seenFromHome() {
      return seenIn.equals(homeRegion);
    }

    boolean multiRegion() {
      return entry.field("IsMultiRegionTrail").bool().orElse(false);
    }

    boolean organization() {
      return entry.field("IsOrganizationTrail").bool().orElse(false);
    }

    /** GetTrailStatus's IsLogging; empty when the status (or the member) was not collected. */
    Optional<Boolean> isLogging() {
      return entry.field("Status").field("IsLogging").bool();
    }

    /** "trail org-audit (arn:..., home us-east-1)" for reasons. */
    String label() {
      return (organization() ? "organization trail " : "trail ") + name + " (" + arn + ", home " + homeRegion + ")";
    }
  }

  private TrailInventory() {}

  /** Every distinct trail, ordered by ARN. */
  static List<ListedTrail> distinct(List<ConfigurationItem> snapshots) {
    Map<String, ListedTrail> byArn = new TreeMap<>();
    for (ConfigurationItem snapshot : snapshots) {
      // Keyed paths: the scope holds one snapshot per region, the path must say which is bad.
      for (ItemReader entry : ItemReader.keyedConfiguration(snapshot).field("trailList").requiredList()) {
        ListedTrail trail = read(entry, snapshot);
        byArn.merge(trail.arn(), trail, TrailInventory::better);
      }
    }
    return List.copyOf(byArn.values());
  }

  private static ListedTrail read(ItemReader entry, ConfigurationItem snapshot) {
    entry.requiredObject();
    String arn = entry.field("TrailARN").requiredText();
    String name = entry.field("Name").text().orElse(arn);
    String home = entry.field("HomeRegion").text().orElse(snapshot.awsRegion());
    return new ListedTrail(arn, name, home, snapshot.awsRegion(), snapshot.captureTime(), entry);
  }

  /** The home-region copy wins; otherwise the most recently captured; otherwise the first seen. */
  private static ListedTrail better(ListedTrail first, ListedTrail second) {
    if (first.seenFromHome() != second.seenFromHome()) {
      return first.seenFromHome() ? first : second;
    }
    Comparator<Instant> order = Comparator.nullsFirst(Comparator.naturalOrder());
    return order.compare(second.capturedAt(), first.capturedAt()) > 0 ? second : first;
  }
}
