package io.compliancestreams.streams.practices.ec2;


import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.ParameterSpec;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Practice 17 (EC2.6): every VPC, used or not, needs an active flow log on the VPC itself that
 * captures rejected traffic (traffic type {@code REJECT} or {@code ALL}; an {@code ACCEPT}-only log
 * does not count, following Security Hub's remediation text). Subnet- and ENI-level flow logs do
 * not count.
 *
 * <p>The flow logs travel with the VPC: the {@value Ec2Types#FLOW_LOGS_SUPPLEMENTARY} supplementary
 * configuration of the {@code AWS::EC2::VPC} item holds the DescribeFlowLogs entries whose {@code
 * ResourceId} is the VPC. Without it the practice cannot decide and reports ERROR.
 */
public final class VpcFlowLogsEnabled implements Practice {

  private static final String EC2 = "ec2.amazonaws.com";

  static final ParameterSpec TRAFFIC_TYPES =
      new ParameterSpec(
          "trafficTypes",
          "ALL,REJECT",
          "Comma-separated flow log traffic types that satisfy the practice (ALL, REJECT, ACCEPT)");

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          17,
          "EC2.6",
          "VPC flow logging should be enabled in all VPCs",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(ResourceTypes.EC2_VPC),
          List.of(
              EventTrigger.rescan(
                  EC2,
                  "CreateFlowLogs",
                  ResourceTypes.EC2_VPC,
                  ResourceLocator.request("CreateFlowLogsRequest.ResourceId.content"),
                  ResourceLocator.accountRegion()),
              // DeleteFlowLogs names flow log ids only: rescan the region's VPCs.
              EventTrigger.rescan(
                  EC2, "DeleteFlowLogs", ResourceTypes.EC2_VPC, ResourceLocator.accountRegion()),
              EventTrigger.rescan(
                  EC2, "CreateVpc", ResourceTypes.EC2_VPC, ResourceLocator.response("vpc.vpcId")),
              EventTrigger.rescan(
                  EC2, "CreateDefaultVpc", ResourceTypes.EC2_VPC, ResourceLocator.response("vpc.vpcId")),
              EventTrigger.rescan(
                  EC2, "DeleteVpc", ResourceTypes.EC2_VPC, ResourceLocator.request("vpcId"))),
          List.of(TRAFFIC_TYPES),
          "Create a flow log on the VPC itself (not only on subnets or network interfaces) with"
              + " traffic type Reject or All, delivered to CloudWatch Logs, S3 or Firehose. Do it"
              + " in every Region, including for default VPCs nobody uses, or delete those default"
              + " VPCs.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    Vpc vpc = Vpc.of(input.item());
    ConfigurationItem item = vpc.item();
    Set<String> accepted = trafficTypes(input.parameters().text(TRAFFIC_TYPES));
    String vpcId = item.resourceId();
    String name = "VPC " + vpcId + (vpc.isDefault() ? " (default VPC)" : "");

    List<String> qualifying = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Vpc.FlowLog log : vpc.flowLogs()) {
      if (!log.resourceId().orElse(vpcId).equals(vpcId)) {
        continue; // a subnet or ENI flow log does not cover the VPC
      }
      String id = log.id();
      String traffic = log.trafficType();
      String status = log.status();
      if (status.equals("ACTIVE") && accepted.contains(traffic)) {
        qualifying.add(id + " (" + traffic + " to " + log.destinationType() + ")");
      } else {
        others.add(id + " (" + traffic + ", " + status + ")");
      }
    }

    if (!qualifying.isEmpty()) {
      return List.of(
          Evaluation.pass(17, item.ref(), name + " has flow log " + String.join(", ", qualifying)));
    }
    if (others.isEmpty()) {
      return List.of(Evaluation.fail(17, item.ref(), name + " has no flow log"));
    }
    return List.of(
        Evaluation.fail(
            17,
            item.ref(),
            name
                + " has no active flow log with traffic type "
                + String.join(" or ", accepted)
                + "; found "
                + String.join(", ", others)));
  }

  private static Set<String> trafficTypes(String value) {
    return Arrays.stream(value.split(","))
        .map(s -> s.trim().toUpperCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
