package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.util.Optional;

/** Snapshot permissions, security group rules and EBS default encryption (18, 19, 21). */
final class Ec2Patches {

  private Ec2Patches() {}

  /** Enable/DisableEbsEncryptionByDefault → EbsEncryptionByDefault (GetEbsEncryptionByDefault). */
  static Patch ebsEncryptionByDefault(boolean enabled) {
    return (current, e) ->
        Items.configurationCopy(current)
            .map(
                config -> {
                  config.put("EbsEncryptionByDefault", enabled);
                  return Items.withConfiguration(current, config, e);
                });
  }

  /**
   * ModifySnapshotAttribute (createVolumePermission add/remove) → CreateVolumePermissions
   * (DescribeSnapshotAttribute): {@code {"Group": "all"}} makes the snapshot public.
   */
  static Optional<ConfigurationItem> modifySnapshotAttribute(
      ConfigurationItem current, TrailEvent e) {
    JsonNode request = e.requestParameters();
    String attribute = Json.text(request, "attributeType");
    JsonNode permission = request.path("createVolumePermission");
    Optional<ObjectNode> config = Items.configurationCopy(current);
    if (!"CREATE_VOLUME_PERMISSION".equalsIgnoreCase(attribute)
            && !"createVolumePermission".equals(attribute)
        || !permission.isObject()
        || config.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode permissions = Json.array(config.get(), "CreateVolumePermissions");
    for (JsonNode added : Json.items(permission.path("add"))) {
      ObjectNode entry = permissionOf(added);
      if (!entry.isEmpty() && !contains(permissions, entry)) {
        permissions.add(entry);
      }
    }
    for (JsonNode removed : Json.items(permission.path("remove"))) {
      ObjectNode entry = permissionOf(removed);
      for (int i = permissions.size() - 1; i >= 0; i--) {
        if (permissions.get(i).equals(entry)) {
          permissions.remove(i);
        }
      }
    }
    return Optional.of(Items.withConfiguration(current, config.get(), e));
  }

  private static ObjectNode permissionOf(JsonNode request) {
    ObjectNode entry = Json.NODES.objectNode();
    if (Json.text(request, "group") != null) {
      entry.put("Group", Json.text(request, "group"));
    }
    if (Json.text(request, "userId") != null) {
      entry.put("UserId", Json.text(request, "userId"));
    }
    return entry;
  }

  private static boolean contains(ArrayNode array, JsonNode entry) {
    for (JsonNode element : array) {
      if (element.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  /**
   * AuthorizeSecurityGroupIngress/Egress → AWS::EC2::SecurityGroup ipPermissions /
   * ipPermissionsEgress: the request's rules appended in AWS Config's shape. Authorize only adds,
   * so the new rules alone decide that the group is no longer closed.
   */
  static Patch authorize(String field) {
    return (current, e) -> {
      Optional<ObjectNode> config = Items.configurationCopy(current);
      String groupId = Json.text(e.requestParameters(), "groupId");
      if (config.isEmpty() || groupId != null && !groupId.equals(current.resourceId())) {
        return Optional.empty();
      }
      ArrayNode rules = SecurityGroupRules.fromRequest(e.requestParameters());
      if (rules.isEmpty()) {
        return Optional.empty();
      }
      Json.array(config.get(), field).addAll(rules);
      return Optional.of(Items.withConfiguration(current, config.get(), e));
    };
  }
}
