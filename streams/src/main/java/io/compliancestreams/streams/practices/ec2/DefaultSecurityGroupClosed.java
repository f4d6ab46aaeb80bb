package io.compliancestreams.streams.practices.ec2;


import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/**
 * Practice 18 (EC2.2): a VPC's default security group (group name {@code default}) must have no
 * inbound and no outbound rule, whether the VPC is used or not. Its factory rules (inbound from
 * itself, outbound to anywhere) count as allowing traffic. Other groups are not applicable.
 */
public final class DefaultSecurityGroupClosed implements Practice {

  private static final String EC2 = "ec2.amazonaws.com";
  private static final String SG = ResourceTypes.EC2_SECURITY_GROUP;

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          18,
          "EC2.2",
          "VPC default security groups should not allow inbound or outbound traffic",
          Severity.HIGH,
          Severity.HIGH,
          Scope.RESOURCE,
          List.of(SG),
          List.of(
              // Ingress in a default VPC may name the group by groupName only: then rescan the
              // region's groups. Authorize on a default group always opens it (decisive).
              EventTrigger.decisive(
                  EC2,
                  "AuthorizeSecurityGroupIngress",
                  SG,
                  ResourceLocator.request("groupId"),
                  ResourceLocator.accountRegion()),
              EventTrigger.decisive(
                  EC2, "AuthorizeSecurityGroupEgress", SG, ResourceLocator.request("groupId")),
              EventTrigger.rescan(
                  EC2,
                  "RevokeSecurityGroupIngress",
                  SG,
                  ResourceLocator.request("groupId"),
                  ResourceLocator.accountRegion()),
              EventTrigger.rescan(
                  EC2, "RevokeSecurityGroupEgress", SG, ResourceLocator.request("groupId")),
              EventTrigger.rescan(
                  EC2,
                  "ModifySecurityGroupRules",
                  SG,
                  ResourceLocator.request("ModifySecurityGroupRulesRequest.GroupId")),
              // A new VPC comes with an open default group whose id is not in the event.
              EventTrigger.rescan(EC2, "CreateVpc", SG, ResourceLocator.accountRegion()),
              EventTrigger.rescan(EC2, "CreateDefaultVpc", SG, ResourceLocator.accountRegion()),
              EventTrigger.rescan(EC2, "DeleteVpc", SG, ResourceLocator.accountRegion())),
          List.of(),
          "Remove every inbound and outbound rule from the default security group of each VPC,"
              + " including the factory self-referencing inbound rule and the allow-all outbound"
              + " rule. Give workloads purpose-built security groups instead, and move any resource"
              + " still using the default group onto them first.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    SecurityGroup group = SecurityGroup.of(input.item());
    ConfigurationItem item = group.item();
    String groupName = group.groupName();
    String groupId = group.groupId();
    if (!groupName.equals("default")) {
      return List.of(
          Evaluation.notApplicable(
              18,
              item.ref(),
              "Security group "
                  + groupId
                  + " ("
                  + groupName
                  + ") is not a VPC default security group"));
    }
    String name =
        "Default security group " + groupId + group.vpcId().map(v -> " of " + v).orElse("");
    List<String> rules = SecurityGroupRules.describeAll(group);
    if (rules.isEmpty()) {
      return List.of(Evaluation.pass(18, item.ref(), name + " has no inbound or outbound rule"));
    }
    String count = rules.size() == 1 ? "1 rule" : rules.size() + " rules";
    return List.of(
        Evaluation.fail(
            18,
            item.ref(),
            name + " allows traffic (" + count + "): " + String.join("; ", rules)));
  }
}
