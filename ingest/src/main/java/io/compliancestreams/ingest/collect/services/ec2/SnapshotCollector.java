package io.compliancestreams.ingest.collect.services.ec2;

import static io.compliancestreams.schemas.contract.ResourceTypes.EC2_SNAPSHOT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.services.Arns;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

/**
 * {@code ComplianceStreams::EC2::Snapshot} (practice 21): each EBS snapshot the account owns,
 * from DescribeSnapshots with {@code OwnerIds=[self]} (without it EC2 lists the world's public
 * snapshots), configuration its API entry plus {@code CreateVolumePermissions} from
 * DescribeSnapshotAttribute. resourceId is the snapshot id; ARN
 * {@code arn:aws:ec2:<region>::snapshot/<id>} (EBS snapshot ARNs carry no account id).
 */
final class SnapshotCollector implements Collector {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotCollector.class);

  private final int pageSize;

  SnapshotCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "ec2.snapshots";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(EC2_SNAPSHOT);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    Ec2Client ec2 = context.clients().ec2();
    for (Snapshot snapshot : ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").maxResults(pageSize)).snapshots()) {
      permissions(ec2, snapshot.snapshotId()).ifPresent(permissions -> {
        ObjectNode c = ApiJson.of(snapshot);
        c.set("CreateVolumePermissions", permissions);
        var builder = context.snapshot(context.region(), EC2_SNAPSHOT, snapshot.snapshotId())
            .arn("arn:" + Arns.partition(context.region()) + ":ec2:" + context.region() + "::snapshot/"
                + snapshot.snapshotId())
            .configuration(c);
        snapshot.tags().forEach(t -> builder.tag(t.key(), t.value()));
        sink.accept(builder.build());
      });
    }
  }

  /** The snapshot's create-volume permissions, or empty when it was deleted since the listing. */
  private static Optional<com.fasterxml.jackson.databind.node.ArrayNode> permissions(Ec2Client ec2, String snapshotId) {
    try {
      return Optional.of(ApiJson.ofList(ec2.describeSnapshotAttribute(r -> r.snapshotId(snapshotId)
          .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)).createVolumePermissions()));
    } catch (Ec2Exception e) {
      if (e.awsErrorDetails() != null && "InvalidSnapshot.NotFound".equals(e.awsErrorDetails().errorCode())) {
        // Deleted between DescribeSnapshots and now: the next scan no longer lists it.
        LOG.debug("Snapshot {} disappeared while collecting", snapshotId);
        return Optional.empty();
      }
      throw e;
    }
  }
}
