package io.compliancestreams.ingest.collect.services.ec2;

import static io.compliancestreams.schemas.contract.ResourceTypes.EC2_INSTANCE;
import static io.compliancestreams.schemas.contract.ResourceTypes.EC2_VOLUME;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.services.Arns;
import io.compliancestreams.ingest.collect.services.JsonFields;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * {@code AWS::EC2::Volume} (practice 16) from DescribeVolumes, in AWS Config's camelCase shape.
 * resourceId is the volume id; ARN {@code arn:aws:ec2:<region>:<account>:volume/<id>}; each
 * attachment becomes an "Is attached to Instance" relationship, as AWS Config records it.
 */
final class VolumeCollector implements Collector {

  private final int pageSize;

  VolumeCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "ec2.volumes";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(EC2_VOLUME);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    context.clients().ec2().describeVolumesPaginator(r -> r.maxResults(pageSize)).volumes()
        .forEach(volume -> sink.accept(snapshot(context, volume)));
  }

  private static ResourceSnapshot snapshot(CollectContext context, Volume volume) {
    var builder = context.snapshot(context.region(), EC2_VOLUME, volume.volumeId())
        .arn(Arns.ec2(context.region(), context.accountId(), "volume", volume.volumeId()))
        .configuration(configuration(volume));
    volume.tags().forEach(t -> builder.tag(t.key(), t.value()));
    volume.attachments().forEach(a ->
        builder.relationship(EC2_INSTANCE, a.instanceId(), null, "Is attached to Instance"));
    return builder.build();
  }

  static ObjectNode configuration(Volume v) {
    ObjectNode c = JsonFields.object();
    ArrayNode attachments = c.putArray("attachments");
    for (VolumeAttachment a : v.attachments()) {
      attachments.addObject()
          .put("attachTime", ApiJson.iso(a.attachTime()))
          .put("device", a.device())
          .put("instanceId", a.instanceId())
          .put("state", a.stateAsString())
          .put("volumeId", a.volumeId())
          .put("deleteOnTermination", a.deleteOnTermination())
          .put("associatedResource", a.associatedResource())
          .put("instanceOwningService", a.instanceOwningService());
    }
    c.put("availabilityZone", v.availabilityZone())
        .put("createTime", ApiJson.iso(v.createTime()))
        .put("encrypted", v.encrypted())
        .put("kmsKeyId", v.kmsKeyId())
        .put("outpostArn", v.outpostArn())
        .put("size", v.size())
        .put("snapshotId", v.snapshotId())
        .put("state", v.stateAsString())
        .put("volumeId", v.volumeId())
        .put("iops", v.iops());
    c.set("tags", Ec2Json.tags(v.tags()));
    c.put("volumeType", v.volumeTypeAsString())
        .put("fastRestored", v.fastRestored())
        .put("multiAttachEnabled", v.multiAttachEnabled())
        .put("throughput", v.throughput())
        .put("sseType", v.sseTypeAsString());
    return c;
  }
}
