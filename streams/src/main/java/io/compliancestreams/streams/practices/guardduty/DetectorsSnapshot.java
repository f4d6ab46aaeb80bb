package io.compliancestreams.streams.practices.guardduty;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@value GuardDutyTypes#DETECTORS} snapshot: ListDetectors' ids with each detector's GetDetector
 * answer.
 */
record DetectorsSnapshot(ItemReader config) {

  static DetectorsSnapshot of(ConfigurationItem item) {
    return new DetectorsSnapshot(ItemReader.configuration(item).requiredObject());
  }

  /** Detector id → status (ENABLED / DISABLED), in ListDetectors' order. */
  Map<String, String> statuses() {
    ItemReader detectors = config.field("Detectors");
    Map<String, String> details = new LinkedHashMap<>();
    for (ItemReader detector : detectors.list()) {
      details.put(
          detector.field("DetectorId").requiredText(), detector.field("Status").requiredText());
    }
    Map<String, String> statuses = new LinkedHashMap<>();
    for (ItemReader id : config.field("DetectorIds").list()) {
      String status = details.get(id.node().asText());
      if (status == null) {
        throw detectors.malformed("has no GetDetector result for detector " + id.node().asText());
      }
      statuses.put(id.node().asText(), status);
    }
    return statuses;
  }
}
