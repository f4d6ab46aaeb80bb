package io.compliancestreams.streams.practices.guardduty;

import io.compliancestreams.schemas.contract.ResourceTypes;

/**
 * Snapshot type names the GuardDuty practice reads (documented in
 * schemas/README.md, "Extension snapshot types"). Public because the ingest collectors produce them.
 */
public final class GuardDutyTypes {

  /**
   * Extension, one per account and Region, present even when there is no detector: ListDetectors'
   * {@code DetectorIds} plus each detector's GetDetector response under {@code Detectors}.
   */
  public static final String DETECTORS = ResourceTypes.GUARDDUTY_DETECTORS;

  /** AWS Config's detector type (PascalCase {@code Enable}); recorded only when one exists. */
  public static final String DETECTOR = ResourceTypes.GUARDDUTY_DETECTOR;

  private GuardDutyTypes() {}
}
