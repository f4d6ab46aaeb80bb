package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.time.Duration;
import java.util.Optional;

/** Key deletion scheduling (practice 25). */
final class KmsPatches {

  // ScheduleKeyDeletion's PendingWindowInDays default.
  private static final int DEFAULT_WINDOW_DAYS = 30;

  private KmsPatches() {}

  /**
   * ScheduleKeyDeletion → AWS::KMS::Key keyState PendingDeletion, enabled false, deletionDate
   * (eventTime + pendingWindowInDays; the response's own date is a locale string) and
   * pendingDeletionWindowInDays.
   */
  static Optional<ConfigurationItem> scheduleKeyDeletion(ConfigurationItem current, TrailEvent e) {
    Optional<ObjectNode> config = Items.configurationCopy(current);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    int days = e.requestParameters().path("pendingWindowInDays").asInt(DEFAULT_WINDOW_DAYS);
    ObjectNode c = config.get();
    c.put("keyState", "PendingDeletion");
    c.put("enabled", false);
    c.put("deletionDate", e.eventTime().plus(Duration.ofDays(days)).toString());
    c.put("pendingDeletionWindowInDays", days);
    return Optional.of(Items.withConfiguration(current, c, e));
  }

  /**
   * CancelKeyDeletion → keyState Disabled (a cancelled key comes back disabled, not enabled), no
   * deletionDate.
   */
  static Optional<ConfigurationItem> cancelKeyDeletion(ConfigurationItem current, TrailEvent e) {
    Optional<ObjectNode> config = Items.configurationCopy(current);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode c = config.get();
    c.put("keyState", "Disabled");
    c.put("enabled", false);
    c.putNull("deletionDate");
    c.remove("pendingDeletionWindowInDays");
    return Optional.of(Items.withConfiguration(current, c, e));
  }
}
