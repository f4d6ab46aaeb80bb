package io.compliancestreams.ingest.collect.services.dms;

import static io.compliancestreams.schemas.contract.ResourceTypes.DMS_REPLICATION_INSTANCE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.VpcSecurityGroupMembership;

/**
 * {@code AWS::DMS::ReplicationInstance} (practice 20) from DescribeReplicationInstances, in AWS
 * Config's PascalCase (CloudFormation) shape. Convention, as the practice fixtures and AWS Config
 * record it: resourceId AND {@code Id} are the instance ARN, resourceName the identifier.
 */
final class ReplicationInstanceCollector implements Collector {

  private final int pageSize;

  ReplicationInstanceCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "dms.replication-instances";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(DMS_REPLICATION_INSTANCE);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    // The paginator has no flattening accessor for this operation: walk the pages.
    context.clients().dms().describeReplicationInstancesPaginator(r -> r.maxRecords(pageSize))
        .stream()
        .flatMap(page -> page.replicationInstances().stream())
        .forEach(instance -> sink.accept(
            context.snapshot(context.region(), DMS_REPLICATION_INSTANCE, instance.replicationInstanceArn())
                .arn(instance.replicationInstanceArn())
                .name(instance.replicationInstanceIdentifier())
                .configuration(configuration(instance))
                .build()));
  }

  static ObjectNode configuration(ReplicationInstance i) {
    ObjectNode c = JsonFields.object();
    JsonFields.putPresent(c, "ReplicationInstanceIdentifier", i.replicationInstanceIdentifier());
    JsonFields.putPresent(c, "ReplicationInstanceClass", i.replicationInstanceClass());
    JsonFields.putPresent(c, "AllocatedStorage", i.allocatedStorage());
    JsonFields.putPresent(c, "EngineVersion", i.engineVersion());
    JsonFields.putPresent(c, "MultiAZ", i.multiAZ());
    JsonFields.putPresent(c, "AutoMinorVersionUpgrade", i.autoMinorVersionUpgrade());
    JsonFields.putPresent(c, "AvailabilityZone", i.availabilityZone());
    JsonFields.putPresent(c, "PreferredMaintenanceWindow", i.preferredMaintenanceWindow());
    if (i.replicationSubnetGroup() != null) {
      JsonFields.putPresent(c, "ReplicationSubnetGroupIdentifier",
          i.replicationSubnetGroup().replicationSubnetGroupIdentifier());
    }
    JsonFields.putPresent(c, "KmsKeyId", i.kmsKeyId());
    JsonFields.putPresent(c, "PubliclyAccessible", i.publiclyAccessible());
    JsonFields.putPresent(c, "NetworkType", i.networkType());
    c.set("ReplicationInstancePublicIpAddresses", JsonFields.strings(i.replicationInstancePublicIpAddresses()));
    c.set("ReplicationInstancePrivateIpAddresses", JsonFields.strings(i.replicationInstancePrivateIpAddresses()));
    c.set("VpcSecurityGroupIds", JsonFields.strings(
        i.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId).toList()));
    c.put("Id", i.replicationInstanceArn());
    return c;
  }
}
