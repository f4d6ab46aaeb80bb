package io.compliancestreams.ingest.collect.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector.Coverage;
import io.compliancestreams.schemas.contract.ResourceTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * {@code ComplianceStreams::CloudTrail::Trails}: every trail this region sees (shadow and
 * organization trails included) in the API's shape, each with {@code Status} (GetTrailStatus) and
 * its {@code EventSelectors} or {@code AdvancedEventSelectors} (GetEventSelectors), both asked by
 * ARN, which shadow and organization trails require. Emitted even with no trail. When one of those
 * calls fails for one trail, the member is left out (practice 12 then reports ERROR unless another
 * trail qualifies) and the failure is logged: one unreadable trail must not hide the others.
 */
final class TrailsInRegion {

  private static final Logger LOG = LoggerFactory.getLogger(TrailsInRegion.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TrailsInRegion() {}

  static AccountFact collector() {
    return new AccountFact("cloudtrail.trails-status", ResourceTypes.CLOUDTRAIL_TRAILS, Coverage.REGIONAL,
        TrailsInRegion::read);
  }

  private static JsonNode read(CollectContext ctx) {
    CloudTrailClient cloudTrail = ctx.clients().cloudTrail();
    ObjectNode c = NODES.objectNode();
    ArrayNode list = c.putArray("trailList");
    for (Trail trail : cloudTrail.describeTrails(r -> r.includeShadowTrails(true)).trailList()) {
      ObjectNode entry = ApiJson.of(trail);
      try {
        entry.set("Status", ApiJson.of(cloudTrail.getTrailStatus(r -> r.name(trail.trailARN()))));
      } catch (AwsServiceException e) {
        LOG.warn("CloudTrail GetTrailStatus failed for {} seen from {}: {}", trail.trailARN(), ctx.region(),
            e.getMessage());
      }
      try {
        GetEventSelectorsResponse selectors = cloudTrail.getEventSelectors(r -> r.trailName(trail.trailARN()));
        ObjectNode json = ApiJson.of(selectors);
        copy(json, entry, "EventSelectors");
        copy(json, entry, "AdvancedEventSelectors");
      } catch (AwsServiceException e) {
        LOG.warn("CloudTrail GetEventSelectors failed for {} seen from {}: {}", trail.trailARN(), ctx.region(),
            e.getMessage());
      }
      list.add(entry);
    }
    return c;
  }

  private static void copy(ObjectNode from, ObjectNode to, String member) {
    if (from.has(member)) {
      to.set(member, from.get(member));
    }
  }
}
