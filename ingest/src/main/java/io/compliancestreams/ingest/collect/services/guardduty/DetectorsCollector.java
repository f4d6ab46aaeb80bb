package io.compliancestreams.ingest.collect.services.guardduty;

import static io.compliancestreams.schemas.contract.ResourceTypes.GUARDDUTY_DETECTORS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * {@code ComplianceStreams::GuardDuty::Detectors} (practice 26): one snapshot per account and
 * region, ALWAYS (no detector gives {@code "DetectorIds": []}, which is what lets absence FAIL).
 * resourceId is the account id, no ARN. Configuration: ListDetectors' {@code DetectorIds} and, per
 * id, GetDetector's response in API shape with the id added as {@code DetectorId}.
 */
final class DetectorsCollector implements Collector {

  private final int pageSize;

  DetectorsCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "guardduty.detectors";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(GUARDDUTY_DETECTORS);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    GuardDutyClient guardDuty = context.clients().guardDuty();
    List<String> ids = guardDuty.listDetectorsPaginator(r -> r.maxResults(pageSize)).detectorIds().stream().toList();
    ObjectNode c = JsonFields.object();
    c.set("DetectorIds", JsonFields.strings(ids));
    ArrayNode detectors = c.putArray("Detectors");
    for (String id : ids) {
      ObjectNode detector = JsonFields.object().put("DetectorId", id);
      detector.setAll(ApiJson.of(guardDuty.getDetector(r -> r.detectorId(id))));
      detectors.add(detector);
    }
    sink.accept(context.snapshot(context.region(), GUARDDUTY_DETECTORS, context.accountId())
        .configuration(c)
        .build());
  }
}
