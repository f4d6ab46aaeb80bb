package io.compliancestreams.sinks.slack;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;

/** What a delta is worth to a person reading the channel. */
enum Notice {
  /** A regression or a new failure (FAIL or ERROR now): always a message. */
  ALERT,
  /** A failure that went away (RESOLVED, CLOSED, FAIL/ERROR to PASS or NOT_APPLICABLE). */
  RESOLUTION,
  /** Nothing to say: NEW PASS, NEW NOT_APPLICABLE, PASS to NOT_APPLICABLE, … */
  NONE;

  static Notice of(FindingDelta d) {
    FindingStatus now = d.getNewStatus();
    if (now == FindingStatus.FAIL || now == FindingStatus.ERROR) {
      return ALERT;
    }
    if (d.getChangeKind() == ChangeKind.RESOLVED || d.getChangeKind() == ChangeKind.CLOSED) {
      return RESOLUTION;
    }
    FindingStatus before = d.getPreviousStatus();
    if (before == FindingStatus.FAIL || before == FindingStatus.ERROR) {
      return RESOLUTION;
    }
    return NONE;
  }

  /** Whether this notice becomes a message with the given setting. */
  boolean posted(boolean notifyResolutions) {
    return this == ALERT || (this == RESOLUTION && notifyResolutions);
  }
}
