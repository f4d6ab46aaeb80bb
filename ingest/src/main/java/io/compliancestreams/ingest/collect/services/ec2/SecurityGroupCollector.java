package io.compliancestreams.ingest.collect.services.ec2;

import static io.compliancestreams.schemas.contract.ResourceTypes.EC2_SECURITY_GROUP;
import static io.compliancestreams.schemas.contract.ResourceTypes.EC2_VPC;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.collect.services.Arns;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * {@code AWS::EC2::SecurityGroup} (practice 18) for every security group, from
 * DescribeSecurityGroups, in AWS Config's camelCase shape: each permission carries its IPv4 ranges
 * twice, as {@code ipv4Ranges [{cidrIp}]} and as plain strings in {@code ipRanges}, and
 * {@code fromPort}/{@code toPort} only when the API gives them. resourceId is the group id,
 * resourceName the group name; ARN {@code arn:aws:ec2:<region>:<account>:security-group/<id>};
 * an "Is contained in Vpc" relationship.
 */
final class SecurityGroupCollector implements Collector {

  private final int pageSize;

  SecurityGroupCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "ec2.security-groups";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(EC2_SECURITY_GROUP);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    context.clients().ec2().describeSecurityGroupsPaginator(r -> r.maxResults(pageSize)).securityGroups()
        .forEach(group -> {
          var builder = context.snapshot(context.region(), EC2_SECURITY_GROUP, group.groupId())
              .arn(Arns.ec2(context.region(), context.accountId(), "security-group", group.groupId()))
              .name(group.groupName())
              .configuration(configuration(group));
          group.tags().forEach(t -> builder.tag(t.key(), t.value()));
          if (group.vpcId() != null) {
            builder.relationship(EC2_VPC, group.vpcId(), null, "Is contained in Vpc");
          }
          sink.accept(builder.build());
        });
  }

  static ObjectNode configuration(SecurityGroup g) {
    ObjectNode c = JsonFields.object()
        .put("description", g.description())
        .put("groupName", g.groupName());
    c.set("ipPermissions", permissions(g.ipPermissions()));
    c.put("ownerId", g.ownerId()).put("groupId", g.groupId());
    c.set("ipPermissionsEgress", permissions(g.ipPermissionsEgress()));
    c.put("vpcId", g.vpcId());
    c.set("tags", Ec2Json.tags(g.tags()));
    return c;
  }

  private static ArrayNode permissions(List<IpPermission> permissions) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (IpPermission p : permissions) {
      ObjectNode entry = out.addObject().put("ipProtocol", p.ipProtocol());
      ArrayNode ipv6 = entry.putArray("ipv6Ranges");
      for (Ipv6Range r : p.ipv6Ranges()) {
        JsonFields.putPresent(ipv6.addObject().put("cidrIpv6", r.cidrIpv6()), "description", r.description());
      }
      ArrayNode prefixLists = entry.putArray("prefixListIds");
      for (PrefixListId l : p.prefixListIds()) {
        JsonFields.putPresent(prefixLists.addObject().put("prefixListId", l.prefixListId()),
            "description", l.description());
      }
      ArrayNode pairs = entry.putArray("userIdGroupPairs");
      for (UserIdGroupPair pair : p.userIdGroupPairs()) {
        ObjectNode o = pairs.addObject();
        JsonFields.putPresent(o, "description", pair.description());
        JsonFields.putPresent(o, "groupId", pair.groupId());
        JsonFields.putPresent(o, "groupName", pair.groupName());
        JsonFields.putPresent(o, "peeringStatus", pair.peeringStatus());
        JsonFields.putPresent(o, "userId", pair.userId());
        JsonFields.putPresent(o, "vpcId", pair.vpcId());
        JsonFields.putPresent(o, "vpcPeeringConnectionId", pair.vpcPeeringConnectionId());
      }
      ArrayNode ipv4 = entry.putArray("ipv4Ranges");
      ArrayNode ipRanges = entry.putArray("ipRanges");
      for (IpRange r : p.ipRanges()) {
        JsonFields.putPresent(ipv4.addObject().put("cidrIp", r.cidrIp()), "description", r.description());
        ipRanges.add(r.cidrIp());
      }
      JsonFields.putPresent(entry, "fromPort", p.fromPort());
      JsonFields.putPresent(entry, "toPort", p.toPort());
    }
    return out;
  }
}
