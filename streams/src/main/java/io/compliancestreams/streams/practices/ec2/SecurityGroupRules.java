package io.compliancestreams.streams.practices.ec2;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Describes the rules of a {@link SecurityGroup} in words, e.g. "inbound all traffic from sg-0a1b
 * (this group)" or "outbound tcp port 443 to 0.0.0.0/0".
 */
final class SecurityGroupRules {

  private SecurityGroupRules() {}

  /** Every inbound then every outbound rule of the group, one description per permission. */
  static List<String> describeAll(SecurityGroup group) {
    String groupId = group.groupId();
    List<String> rules = new ArrayList<>();
    describe(group.inbound(), "inbound", "from", groupId, rules);
    describe(group.outbound(), "outbound", "to", groupId, rules);
    return rules;
  }

  private static void describe(
      List<SecurityGroup.Permission> permissions,
      String direction,
      String preposition,
      String groupId,
      List<String> out) {
    for (SecurityGroup.Permission permission : permissions) {
      Set<String> peers = peers(permission, groupId);
      String peerText = peers.isEmpty() ? "" : " " + preposition + " " + String.join(", ", peers);
      out.add(direction + " " + traffic(permission) + peerText);
    }
  }

  private static String traffic(SecurityGroup.Permission permission) {
    String protocol = permission.protocol();
    Integer from = permission.fromPort().orElse(null);
    Integer to = permission.toPort().orElse(null);
    switch (protocol) {
      case "-1":
        return "all traffic";
      case "icmp", "1", "icmpv6", "58":
        String name = protocol.equals("icmpv6") || protocol.equals("58") ? "icmpv6" : "icmp";
        return from == null || from == -1 ? name + " (all types)" : name + " type " + from;
      default:
        String label = protocol.equals("6") ? "tcp" : protocol.equals("17") ? "udp" : protocol;
        if (!label.equals("tcp") && !label.equals("udp")) {
          return "protocol " + label;
        }
        if (from == null || from == -1 || (from == 0 && to != null && to == 65535)) {
          return label + " all ports";
        }
        return to == null || from.equals(to)
            ? label + " port " + from
            : label + " ports " + from + "-" + to;
    }
  }

  /** The sources (inbound) or destinations (outbound) of one permission, without duplicates. */
  private static Set<String> peers(SecurityGroup.Permission permission, String groupId) {
    Set<String> peers = new LinkedHashSet<>(permission.addresses());
    for (Optional<String> pair : permission.groupPairs()) {
      String group = pair.orElse("a security group");
      peers.add(group.equals(groupId) ? group + " (this group)" : group);
    }
    return peers;
  }
}
