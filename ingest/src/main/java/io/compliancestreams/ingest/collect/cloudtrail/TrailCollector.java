package io.compliancestreams.ingest.collect.cloudtrail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * {@code AWS::CloudTrail::Trail} for each trail of the account whose home region is this region,
 * shaped as AWS Config records it, in its home region. resourceId = the trail name, as AWS Config
 * has it. A trail is one resource, judged where it lives; but a multi-region trail whose home
 * region this scan does not cover ({@code --regions eu-west-1} while the trail lives in us-east-1)
 * would then be judged nowhere, so it is emitted from the shadow copy DescribeTrails shows in the
 * first scanned region (still with its home region: the same key as from home) — once per scan.
 * Shadows of organization trails in member accounts belong to the management account and are
 * left out, as DescribeTrails without shadow trails leaves them out.
 */
final class TrailCollector implements Collector {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public String name() {
    return "cloudtrail.trails";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(ResourceTypes.CLOUDTRAIL_TRAIL);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    context.clients().cloudTrail().describeTrails(r -> r.includeShadowTrails(true)).trailList().stream()
        .filter(trail -> ownedBy(trail, context.accountId()))
        .filter(trail -> context.region().equals(trail.homeRegion()) || standsInForHome(trail, context))
        .forEach(trail -> sink.accept(context.snapshot(trail.homeRegion(), ResourceTypes.CLOUDTRAIL_TRAIL, trail.name())
            .arn(trail.trailARN())
            .name(trail.name())
            .configuration(configuration(trail))
            .build()));
  }

  /**
   * Whether this region emits a multi-region trail homed elsewhere: only when the scan does not
   * cover the home region, and only from the first scanned region (in order), so that one scan
   * emits it once. A context that does not know the scan's regions (a rescan) never does.
   */
  static boolean standsInForHome(Trail trail, CollectContext context) {
    List<String> scanned = context.scanRegions();
    return Boolean.TRUE.equals(trail.isMultiRegionTrail())
        && trail.homeRegion() != null
        && !scanned.isEmpty()
        && !scanned.contains(trail.homeRegion())
        && context.region().equals(scanned.stream().sorted().findFirst().orElseThrow());
  }

  /** The account in the trail's ARN ({@code arn:aws:cloudtrail:<region>:<account>:trail/<name>}). */
  private static boolean ownedBy(Trail trail, String accountId) {
    String arn = trail.trailARN();
    if (arn == null) {
      return true; // nothing says otherwise
    }
    String[] parts = arn.split(":", 6);
    return parts.length < 5 || parts[4].isEmpty() || parts[4].equals(accountId);
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
