package io.compliancestreams.streams.practices.guardduty;


import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Practice 26 (GuardDuty.1): every enabled Region of the account, used or not, needs a GuardDuty
 * detector whose status is {@code ENABLED}; no detector or a suspended one fails.
 *
 * <p>Only our {@value GuardDutyTypes#DETECTORS} snapshot can say "no detector", so when it is
 * present it decides. AWS Config's {@value GuardDutyTypes#DETECTOR} items are used only in a Region
 * where our snapshot is missing (real AWS Config data fed in without our collector).
 */
public final class GuardDutyEnabled implements Practice {

  private static final String GUARDDUTY = "guardduty.amazonaws.com";
  private static final String DETECTORS = ResourceTypes.GUARDDUTY_DETECTORS;

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          26,
          "GuardDuty.1",
          "GuardDuty should be enabled",
          Severity.HIGH,
          Severity.HIGH,
          Scope.REGION,
          List.of(DETECTORS, ResourceTypes.GUARDDUTY_DETECTOR),
          List.of(
              EventTrigger.rescan(
                  GUARDDUTY, "CreateDetector", DETECTORS, ResourceLocator.accountRegion()),
              EventTrigger.rescan(
                  GUARDDUTY, "UpdateDetector", DETECTORS, ResourceLocator.accountRegion()),
              EventTrigger.decisive(
                  GUARDDUTY, "DeleteDetector", DETECTORS, ResourceLocator.accountRegion())),
          List.of(),
          "Enable GuardDuty in every Region, including Regions you do not use, or resume the"
              + " suspended detector. In an AWS Organization, delegate a GuardDuty administrator"
              + " account and turn on auto-enable so new member accounts and Regions are covered.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    String where =
        " in account " + input.subject().accountId() + ", Region " + input.subject().region();
    Map<String, String> statuses = detectorStatuses(input);
    if (statuses.isEmpty()) {
      return List.of(Evaluation.fail(26, input.subject(), "GuardDuty has no detector" + where));
    }
    List<String> suspended = new ArrayList<>();
    for (Map.Entry<String, String> detector : statuses.entrySet()) {
      if (detector.getValue().equals("ENABLED")) {
        return List.of(
            Evaluation.pass(
                26,
                input.subject(),
                "GuardDuty detector " + detector.getKey() + " is enabled" + where));
      }
      suspended.add(detector.getKey() + " (" + detector.getValue() + ")");
    }
    return List.of(
        Evaluation.fail(
            26,
            input.subject(),
            "GuardDuty detector " + String.join(", ", suspended) + " is suspended" + where));
  }

  /** Detector id → status ({@code ENABLED} / {@code DISABLED}), from the decisive source. */
  private static Map<String, String> detectorStatuses(ScopeInput input) {
    List<ConfigurationItem> snapshots = input.itemsOfType(DETECTORS);
    if (snapshots.size() > 1) {
      throw new IllegalStateException(
          "expected one "
              + DETECTORS
              + " snapshot per account and Region, got "
              + snapshots.size());
    }
    if (snapshots.size() == 1) {
      return DetectorsSnapshot.of(snapshots.get(0)).statuses();
    }
    Map<String, String> statuses = new LinkedHashMap<>();
    for (ConfigurationItem item : input.itemsOfType(ResourceTypes.GUARDDUTY_DETECTOR)) {
      Detector detector = Detector.of(item);
      statuses.put(detector.id(), detector.enabled() ? "ENABLED" : "DISABLED");
    }
    return statuses;
  }
}
