package io.compliancestreams.streams.practices.ec2;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.List;
import java.util.Optional;

/**
 * An {@value Ec2Types#SNAPSHOT} item: a DescribeSnapshots entry plus its {@code
 * CreateVolumePermissions} (DescribeSnapshotAttribute).
 */
record EbsSnapshot(ConfigurationItem item, ItemReader config) {

  /** One create-volume permission: a group ({@code all} = public) or an account. */
  record Permission(Optional<String> group, Optional<String> userId) {}

  static EbsSnapshot of(ConfigurationItem item) {
    return new EbsSnapshot(item, ItemReader.configuration(item).requiredObject());
  }

  Optional<String> volumeId() {
    return config.field("VolumeId").text();
  }

  /** The owning account; the item's account when not recorded. */
  String ownerId() {
    return config.field("OwnerId").text().orElse(item.accountId());
  }

  /**
   * The create-volume permissions. Without the member the snapshot cannot be judged: "not
   * collected" must not read as "not shared".
   */
  List<Permission> createVolumePermissions() {
    ItemReader permissions = config.field("CreateVolumePermissions");
    if (!permissions.exists()) {
      throw permissions.malformed(
          "is missing: the snapshot must carry its DescribeSnapshotAttribute result");
    }
    return permissions.list().stream()
        .map(p -> new Permission(p.field("Group").text(), p.field("UserId").text()))
        .toList();
  }
}
