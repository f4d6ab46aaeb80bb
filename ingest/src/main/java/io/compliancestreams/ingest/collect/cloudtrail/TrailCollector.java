package io.compliancestreams.ingest.collect.cloudtrail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * {@code AWS::CloudTrail::Trail} for each trail whose home region is this region
 * (DescribeTrails without shadow trails), shaped as AWS Config records it. resourceId = the trail
 * name, as AWS Config has it. Shadow copies are left to the {@code Trails} snapshot: a trail is one
 * resource, judged in its home region.
 */
final class TrailCollector implements Collector {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public String name() {
    return "cloudtrail.trails";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(CloudTrailTypes.TRAIL);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    context.clients().cloudTrail().describeTrails(r -> r.includeShadowTrails(false)).trailList().stream()
        .filter(trail -> context.region().equals(trail.homeRegion()))
        .forEach(trail -> sink.accept(context.snapshot(context.region(), CloudTrailTypes.TRAIL, trail.name())
            .arn(trail.trailARN())
            .name(trail.name())
            .configuration(configuration(trail))
            .build()));
  }

  static ObjectNode configuration(Trail t) {
    return NODES.objectNode()
        .put("name", t.name())
        .put("s3BucketName", t.s3BucketName())
        .put("s3KeyPrefix", t.s3KeyPrefix())
        .put("snsTopicName", t.snsTopicName())
        .put("snsTopicARN", t.snsTopicARN())
        .put("includeGlobalServiceEvents", t.includeGlobalServiceEvents())
        .put("isMultiRegionTrail", t.isMultiRegionTrail())
        .put("homeRegion", t.homeRegion())
        .put("trailARN", t.trailARN())
        .put("logFileValidationEnabled", t.logFileValidationEnabled())
        .put("cloudWatchLogsLogGroupArn", t.cloudWatchLogsLogGroupArn())
        .put("cloudWatchLogsRoleArn", t.cloudWatchLogsRoleArn())
        .put("kmsKeyId", t.kmsKeyId())
        .put("hasCustomEventSelectors", t.hasCustomEventSelectors())
        .put("hasInsightSelectors", t.hasInsightSelectors())
        .put("isOrganizationTrail", t.isOrganizationTrail());
  }
}
