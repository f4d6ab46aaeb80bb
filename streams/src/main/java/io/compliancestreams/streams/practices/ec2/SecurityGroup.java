package io.compliancestreams.streams.practices.ec2;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An {@value Ec2Types#SECURITY_GROUP} item (AWS Config's camelCase shape). */
record SecurityGroup(ConfigurationItem item, ItemReader config) {

  /** One entry of {@code ipPermissions} or {@code ipPermissionsEgress}. */
  static final class Permission {
    private final ItemReader entry;

    private Permission(ItemReader entry) {
      this.entry = entry;
    }

    /** {@code -1} (all), tcp, udp, icmp, icmpv6 or a protocol number; all when absent. */
    String protocol() {
      return entry.field("ipProtocol").text().orElse("-1");
    }

    Optional<Integer> fromPort() {
      return port("fromPort");
    }

    Optional<Integer> toPort() {
      return port("toPort");
    }

    /**
     * The sources (inbound) or destinations (outbound) as written: CIDRs, prefix lists, and the
     * groups of {@code userIdGroupPairs} (empty for a pair without a group id).
     */
    List<String> addresses() {
      List<String> peers = new ArrayList<>();
      for (ItemReader range : entry.field("ipv4Ranges").list()) {
        range.field("cidrIp").text().ifPresent(peers::add);
      }
      // AWS Config repeats the IPv4 ranges as plain strings in ipRanges.
      for (ItemReader range : entry.field("ipRanges").list()) {
        peers.add(
            range.node().isTextual()
                ? range.node().asText()
                : range.node().path("cidrIp").asText(range.node().toString()));
      }
      for (ItemReader range : entry.field("ipv6Ranges").list()) {
        range.field("cidrIpv6").text().ifPresent(peers::add);
      }
      for (ItemReader list : entry.field("prefixListIds").list()) {
        list.field("prefixListId").text().ifPresent(peers::add);
      }
      return peers;
    }

    /** The group ids of {@code userIdGroupPairs}; empty for a pair that names none. */
    List<Optional<String>> groupPairs() {
      return entry.field("userIdGroupPairs").list().stream()
          .map(pair -> pair.field("groupId").text())
          .toList();
    }

    private Optional<Integer> port(String name) {
      ItemReader port = entry.field(name);
      if (port.isPresent() && !(port.node().isIntegralNumber() && port.node().canConvertToInt())) {
        throw port.malformed("expected a port number, got " + port.node());
      }
      return port.integer();
    }
  }

  static SecurityGroup of(ConfigurationItem item) {
    return new SecurityGroup(item, ItemReader.configuration(item).requiredObject());
  }

  /** {@code default} for a VPC's default group. */
  String groupName() {
    return config.field("groupName").requiredText();
  }

  String groupId() {
    return config.field("groupId").text().orElse(item.resourceId());
  }

  Optional<String> vpcId() {
    return config.field("vpcId").text();
  }

  List<Permission> inbound() {
    return permissions("ipPermissions");
  }

  List<Permission> outbound() {
    return permissions("ipPermissionsEgress");
  }

  private List<Permission> permissions(String field) {
    return config.field(field).list().stream().map(Permission::new).toList();
  }
}
