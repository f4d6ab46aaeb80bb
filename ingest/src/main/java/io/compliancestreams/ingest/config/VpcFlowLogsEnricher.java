package io.compliancestreams.ingest.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Adds {@code supplementaryConfiguration.FlowLogs} to AWS Config's {@code AWS::EC2::VPC} items,
 * which do not carry flow logs (schemas/README.md, practice 17): the DescribeFlowLogs entries whose
 * resource is the VPC, API shape (PascalCase), {@code []} when there are none. Other items pass
 * unchanged. When the lookup fails the item goes on without FlowLogs, which the practice reports
 * as an ERROR rather than a silent FAIL.
 */
public final class VpcFlowLogsEnricher implements UnaryOperator<ResourceSnapshot> {

  private static final Logger LOG = LoggerFactory.getLogger(VpcFlowLogsEnricher.class);
  static final String VPC = "AWS::EC2::VPC";
  static final String FLOW_LOGS = "FlowLogs";

  private final BiFunction<String, String, Ec2Client> ec2;

  /** @param ec2 the EC2 client of an account and region (the app's role assumption decides). */
  public VpcFlowLogsEnricher(BiFunction<String, String, Ec2Client> ec2) {
    this.ec2 = ec2;
  }

  @Override
  public ResourceSnapshot apply(ResourceSnapshot snapshot) {
    if (!VPC.equals(snapshot.getResourceType())
        || snapshot.getSupplementaryConfiguration().containsKey(FLOW_LOGS)) {
      return snapshot;
    }
    ArrayNode logs = SnapshotBuilder.JSON.createArrayNode();
    try {
      ec2.apply(snapshot.getAccountId(), snapshot.getAwsRegion())
          .describeFlowLogsPaginator(r -> r.filter(f -> f.name("resource-id").values(snapshot.getResourceId())))
          .flowLogs()
          .forEach(log -> logs.add(toJson(log)));
    } catch (SdkException e) {
      LOG.warn("DescribeFlowLogs for {} in {}/{} failed, forwarding the VPC without FlowLogs: {}",
          snapshot.getResourceId(), snapshot.getAccountId(), snapshot.getAwsRegion(), e.toString());
      return snapshot;
    }
    Map<String, String> supplementary = new HashMap<>(snapshot.getSupplementaryConfiguration());
    supplementary.put(FLOW_LOGS, logs.toString());
    return ResourceSnapshot.newBuilder(snapshot).setSupplementaryConfiguration(supplementary).build();
  }

  /** One FlowLog in the DescribeFlowLogs response shape; absent members stay absent. */
  static ObjectNode toJson(FlowLog log) {
    ObjectNode out = SnapshotBuilder.JSON.createObjectNode();
    if (log.creationTime() != null) {
      out.put("CreationTime", log.creationTime().toString());
    }
    putIfPresent(out, "DeliverLogsErrorMessage", log.deliverLogsErrorMessage());
    putIfPresent(out, "DeliverLogsPermissionArn", log.deliverLogsPermissionArn());
    putIfPresent(out, "DeliverCrossAccountRole", log.deliverCrossAccountRole());
    putIfPresent(out, "DeliverLogsStatus", log.deliverLogsStatus());
    putIfPresent(out, "FlowLogId", log.flowLogId());
    putIfPresent(out, "FlowLogStatus", log.flowLogStatus());
    putIfPresent(out, "LogGroupName", log.logGroupName());
    putIfPresent(out, "ResourceId", log.resourceId());
    putIfPresent(out, "TrafficType", log.trafficTypeAsString());
    putIfPresent(out, "LogDestinationType", log.logDestinationTypeAsString());
    putIfPresent(out, "LogDestination", log.logDestination());
    putIfPresent(out, "LogFormat", log.logFormat());
    if (log.maxAggregationInterval() != null) {
      out.put("MaxAggregationInterval", log.maxAggregationInterval());
    }
    ArrayNode tags = out.putArray("Tags");
    for (Tag tag : log.tags()) {
      tags.addObject().put("Key", tag.key()).put("Value", tag.value());
    }
    return out;
  }

  private static void putIfPresent(ObjectNode out, String name, String value) {
    if (value != null) {
      out.put(name, value);
    }
  }
}
