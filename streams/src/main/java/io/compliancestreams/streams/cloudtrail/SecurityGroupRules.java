package io.compliancestreams.streams.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts an Authorize* request into AWS Config's ipPermissions entries ({@code ipProtocol},
 * {@code fromPort}, {@code toPort}, {@code ipv4Ranges}/{@code ipRanges}, {@code ipv6Ranges}, {@code
 * prefixListIds}, {@code userIdGroupPairs}).
 */
final class SecurityGroupRules {

  private SecurityGroupRules() {}

  /**
   * Both request shapes CloudTrail records: {@code ipPermissions.items[]} (each list wrapped in
   * {@code {"items": [...]}}), and the legacy top-level {@code ipProtocol}/{@code cidrIp}/ports
   * with an empty {@code ipPermissions}.
   */
  static ArrayNode fromRequest(JsonNode request) {
    ArrayNode out = Json.NODES.arrayNode();
    for (JsonNode permission : Json.items(request.path("ipPermissions"))) {
      out.add(rule(permission));
    }
    if (out.isEmpty()
        && (request.has("cidrIp")
            || request.has("sourceSecurityGroupName")
            || request.has("sourceSecurityGroupOwnerId"))) {
      out.add(legacyRule(request));
    }
    return out;
  }

  private static ObjectNode rule(JsonNode p) {
    ObjectNode rule = base(p);
    ArrayNode v4 = rule.putArray("ipv4Ranges");
    ArrayNode legacy = rule.putArray("ipRanges");
    for (JsonNode range : Json.items(p.path("ipRanges"))) {
      String cidr = Json.text(range, "cidrIp");
      if (cidr != null) {
        v4.addObject().put("cidrIp", cidr);
        legacy.add(cidr);
      }
    }
    ArrayNode v6 = rule.putArray("ipv6Ranges");
    for (JsonNode range : Json.items(p.path("ipv6Ranges"))) {
      String cidr = Json.text(range, "cidrIpv6");
      if (cidr != null) {
        v6.addObject().put("cidrIpv6", cidr);
      }
    }
    ArrayNode prefixes = rule.putArray("prefixListIds");
    for (JsonNode prefix : Json.items(p.path("prefixListIds"))) {
      prefixes.addObject().put("prefixListId", Json.text(prefix, "prefixListId"));
    }
    ArrayNode pairs = rule.putArray("userIdGroupPairs");
    for (JsonNode group : Json.items(p.path("groups"))) {
      ObjectNode pair = pairs.addObject();
      pair.put("groupId", Json.text(group, "groupId"));
      pair.put("userId", Json.text(group, "userId"));
    }
    return rule;
  }

  private static ObjectNode legacyRule(JsonNode request) {
    ObjectNode rule = base(request);
    String cidr = Json.text(request, "cidrIp");
    ArrayNode v4 = rule.putArray("ipv4Ranges");
    ArrayNode legacy = rule.putArray("ipRanges");
    if (cidr != null) {
      v4.addObject().put("cidrIp", cidr);
      legacy.add(cidr);
    }
    rule.putArray("ipv6Ranges");
    rule.putArray("prefixListIds");
    ArrayNode pairs = rule.putArray("userIdGroupPairs");
    if (Json.text(request, "sourceSecurityGroupName") != null) {
      ObjectNode pair = pairs.addObject();
      pair.put("groupName", Json.text(request, "sourceSecurityGroupName"));
      pair.put("userId", Json.text(request, "sourceSecurityGroupOwnerId"));
    }
    return rule;
  }

  private static ObjectNode base(JsonNode p) {
    ObjectNode rule = Json.NODES.objectNode();
    // No protocol means all traffic in the legacy form; -1 is AWS Config's spelling of "all".
    rule.put("ipProtocol", Json.text(p, "ipProtocol") == null ? "-1" : Json.text(p, "ipProtocol"));
    if (p.hasNonNull("fromPort")) {
      rule.put("fromPort", p.get("fromPort").asInt());
    }
    if (p.hasNonNull("toPort")) {
      rule.put("toPort", p.get("toPort").asInt());
    }
    return rule;
  }
}
