package io.compliancestreams.app.posture;

import io.compliancestreams.streams.query.FindingView;
import io.compliancestreams.streams.query.PostureSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posture rebuilt for {@code asOf}: its counts in the live {@code /api/posture}'s shape, and its
 * open findings.
 *
 * @param source where it was rebuilt from (the snapshot's object, or the delta topic)
 * @param snapshotAt when the snapshot it started from was taken; null when rebuilt from the topic
 */
public record PostureAsOf(Instant asOf, String source, Instant snapshotAt, PostureSummary summary,
    List<FindingView> findings) {

  public PostureAsOf {
    findings = List.copyOf(findings);
  }

  /**
   * The counts in the live posture's shape ({@code practices}, {@code accounts}) and where they come
   * from ({@code asOf}, {@code source}, {@code snapshotAt}); with the findings when {@code withFindings}.
   */
  public Map<String, Object> toMap(boolean withFindings) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("practices", summary.practices());
    body.put("accounts", summary.accounts());
    body.put("asOf", asOf);
    body.put("source", source);
    body.put("snapshotAt", snapshotAt);
    if (withFindings) {
      body.put("findings", findings);
    }
    return body;
  }

  static PostureAsOf of(Instant asOf, String source, Instant snapshotAt, List<FindingView> findings) {
    return new PostureAsOf(asOf, source, snapshotAt, PostureSummary.of(findings), findings);
  }
}
