package io.compliancestreams.streams.practices.ec2;

import static io.compliancestreams.streams.practices.ec2.ItemFields.array;
import static io.compliancestreams.streams.practices.ec2.ItemFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Describes the rules of an AWS Config {@code AWS::EC2::SecurityGroup} item in words, e.g. "inbound
 * all traffic from sg-0a1b (this group)" or "outbound tcp port 443 to 0.0.0.0/0".
 */
final class SecurityGroupRules {

  private SecurityGroupRules() {}

  /** Every inbound then every outbound rule of the group, one description per permission. */
  static List<String> describeAll(JsonNode config, String groupId) {
    List<String> rules = new ArrayList<>();
    describe(config, "ipPermissions", "inbound", "from", groupId, rules);
    describe(config, "ipPermissionsEgress", "outbound", "to", groupId, rules);
    return rules;
  }

  private static void describe(
      JsonNode config,
      String field,
      String direction,
      String preposition,
      String groupId,
      List<String> out) {
    List<JsonNode> permissions = array(config, "configuration", field);
    for (int i = 0; i < permissions.size(); i++) {
      String where = "configuration." + field + "[" + i + "]";
      JsonNode permission = permissions.get(i);
      Set<String> peers = peers(permission, where, groupId);
      String peerText = peers.isEmpty() ? "" : " " + preposition + " " + String.join(", ", peers);
      out.add(direction + " " + traffic(permission, where) + peerText);
    }
  }

  private static String traffic(JsonNode permission, String where) {
    String protocol = text(permission, where, "ipProtocol").orElse("-1");
    Integer from = port(permission, where, "fromPort");
    Integer to = port(permission, where, "toPort");
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

  private static Integer port(JsonNode permission, String where, String field) {
    JsonNode value = permission.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new MalformedItemException(where + "." + field, "expected a port number, got " + value);
    }
    return value.intValue();
  }

  /** The sources (inbound) or destinations (outbound) of one permission, without duplicates. */
  private static Set<String> peers(JsonNode permission, String where, String groupId) {
    Set<String> peers = new LinkedHashSet<>();
    for (JsonNode range : array(permission, where, "ipv4Ranges")) {
      text(range, where + ".ipv4Ranges", "cidrIp").ifPresent(peers::add);
    }
    // AWS Config repeats the IPv4 ranges as plain strings in ipRanges.
    for (JsonNode range : array(permission, where, "ipRanges")) {
      peers.add(range.isTextual() ? range.asText() : range.path("cidrIp").asText(range.toString()));
    }
    for (JsonNode range : array(permission, where, "ipv6Ranges")) {
      text(range, where + ".ipv6Ranges", "cidrIpv6").ifPresent(peers::add);
    }
    for (JsonNode list : array(permission, where, "prefixListIds")) {
      text(list, where + ".prefixListIds", "prefixListId").ifPresent(peers::add);
    }
    for (JsonNode pair : array(permission, where, "userIdGroupPairs")) {
      String group = text(pair, where + ".userIdGroupPairs", "groupId").orElse("a security group");
      peers.add(group.equals(groupId) ? group + " (this group)" : group);
    }
    return peers;
  }
}
