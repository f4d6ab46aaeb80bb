package io.compliancestreams.app.posture;

import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.query.FindingView;
import io.compliancestreams.streams.query.PostureReplay;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contract's records as the query API's views. Remediation comes from the catalogue, as the
 * live API's does.
 */
final class Views {

  private static final Map<Integer, String> REMEDIATION = PracticeCatalogue.all().stream()
      .collect(Collectors.toUnmodifiableMap(p -> p.number(), p -> p.metadata().remediation()));

  private Views() {}

  static FindingView of(Finding f) {
    return new FindingView(f.getFindingId(), f.getPractice(), f.getControlId(), f.getTitle(), f.getSeverity().name(),
        f.getStatus().name(), f.getAccountId(), f.getRegion(), f.getResourceType(), f.getResourceId(),
        f.getResourceArn(), f.getResourceKey(), f.getReason(), REMEDIATION.get(f.getPractice()), f.getEvaluatedAt(),
        f.getFirstSeenAt(), f.getLastChangedAt(), f.getSuppressed(), null);
  }

  static PostureReplay.Change change(FindingDelta d) {
    FindingView after = d.getNewStatus() == null ? null : new FindingView(d.getFindingId(), d.getPractice(),
        d.getControlId(), d.getTitle(), d.getSeverity().name(), d.getNewStatus().name(), d.getAccountId(),
        d.getRegion(), d.getResourceType(), d.getResourceId(), d.getResourceArn(), d.getResourceKey(), d.getReason(),
        REMEDIATION.get(d.getPractice()), d.getEvaluatedAt(), d.getEvaluatedAt(), d.getEvaluatedAt(),
        d.getSuppressed(), d.getResourceName());
    return new PostureReplay.Change(d.getFindingId(), d.getSequence(), d.getEvaluatedAt(), after);
  }
}
