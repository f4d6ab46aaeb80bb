package io.compliancestreams.ingest.collect.services.ec2;

import static io.compliancestreams.schemas.contract.ResourceTypes.EC2_VPC;
import static io.compliancestreams.ingest.collect.services.ServiceTypes.FLOW_LOGS_SUPPLEMENTARY;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.services.Arns;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

/**
 * {@code AWS::EC2::VPC} (practice 17) from DescribeVpcs, camelCase as AWS Config records it, with
 * {@code supplementaryConfiguration.FlowLogs}: the DescribeFlowLogs entries (API shape) whose
 * resource is the VPC, {@code []} when none. resourceId is the VPC id; ARN
 * {@code arn:aws:ec2:<region>:<account>:vpc/<id>}.
 *
 * <p>Flow logs are asked for once per page of VPCs with a {@code resource-id} filter naming the
 * page's VPCs (in chunks, EC2 caps filter values), not once per VPC, so a region with many VPCs
 * costs a few calls.
 */
final class VpcCollector implements Collector {

  /** EC2 accepts up to 200 values in one filter; stay well below. */
  private static final int FILTER_VALUES = 100;

  private final int pageSize;

  VpcCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "ec2.vpcs";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(EC2_VPC);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    Ec2Client ec2 = context.clients().ec2();
    for (DescribeVpcsResponse page : ec2.describeVpcsPaginator(r -> r.maxResults(pageSize))) {
      List<Vpc> vpcs = page.vpcs();
      Map<String, ArrayNode> flowLogs = flowLogs(ec2, vpcs.stream().map(Vpc::vpcId).toList());
      for (Vpc vpc : vpcs) {
        var builder = context.snapshot(context.region(), EC2_VPC, vpc.vpcId())
            .arn(Arns.ec2(context.region(), context.accountId(), "vpc", vpc.vpcId()))
            .configuration(configuration(vpc))
            .supplementary(FLOW_LOGS_SUPPLEMENTARY,
                flowLogs.getOrDefault(vpc.vpcId(), JsonNodeFactory.instance.arrayNode()));
        vpc.tags().forEach(t -> builder.tag(t.key(), t.value()));
        sink.accept(builder.build());
      }
    }
  }

  private Map<String, ArrayNode> flowLogs(Ec2Client ec2, List<String> vpcIds) {
    Map<String, ArrayNode> byVpc = new HashMap<>();
    for (int from = 0; from < vpcIds.size(); from += FILTER_VALUES) {
      List<String> chunk = vpcIds.subList(from, Math.min(vpcIds.size(), from + FILTER_VALUES));
      Filter resourceId = Filter.builder().name("resource-id").values(chunk).build();
      for (FlowLog log : ec2.describeFlowLogsPaginator(r -> r.filter(resourceId).maxResults(pageSize)).flowLogs()) {
        byVpc.computeIfAbsent(log.resourceId(), k -> JsonNodeFactory.instance.arrayNode())
            .add(ApiJson.of(log));
      }
    }
    return byVpc;
  }

  static ObjectNode configuration(Vpc v) {
    ObjectNode c = JsonFields.object()
        .put("cidrBlock", v.cidrBlock())
        .put("dhcpOptionsId", v.dhcpOptionsId())
        .put("state", v.stateAsString())
        .put("vpcId", v.vpcId())
        .put("ownerId", v.ownerId())
        .put("instanceTenancy", v.instanceTenancyAsString());
    ArrayNode ipv6 = c.putArray("ipv6CidrBlockAssociationSet");
    for (VpcIpv6CidrBlockAssociation a : v.ipv6CidrBlockAssociationSet()) {
      ObjectNode entry = ipv6.addObject()
          .put("associationId", a.associationId())
          .put("ipv6CidrBlock", a.ipv6CidrBlock());
      entry.putObject("ipv6CidrBlockState")
          .put("state", a.ipv6CidrBlockState() == null ? null : a.ipv6CidrBlockState().stateAsString())
          .put("statusMessage", a.ipv6CidrBlockState() == null ? null : a.ipv6CidrBlockState().statusMessage());
      entry.put("networkBorderGroup", a.networkBorderGroup()).put("ipv6Pool", a.ipv6Pool());
    }
    ArrayNode ipv4 = c.putArray("cidrBlockAssociationSet");
    for (VpcCidrBlockAssociation a : v.cidrBlockAssociationSet()) {
      ObjectNode entry = ipv4.addObject()
          .put("associationId", a.associationId())
          .put("cidrBlock", a.cidrBlock());
      entry.putObject("cidrBlockState")
          .put("state", a.cidrBlockState() == null ? null : a.cidrBlockState().stateAsString())
          .put("statusMessage", a.cidrBlockState() == null ? null : a.cidrBlockState().statusMessage());
    }
    c.put("isDefault", v.isDefault());
    c.set("tags", Ec2Json.tags(v.tags()));
    return c;
  }
}
