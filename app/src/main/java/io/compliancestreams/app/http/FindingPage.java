package io.compliancestreams.app.http;

import io.compliancestreams.streams.query.FindingView;
import io.compliancestreams.streams.query.HistoryEntry;
import io.compliancestreams.streams.query.ResourceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What {@code /api/findings/<id>} answers: the finding as it is now ({@code current} is null once
 * it is closed), its resource as its owner knows it (name, ARN, tags, last snapshot) and its recent
 * deltas, newest first (at most {@code historyLimit}).
 */
record FindingPage(String findingId, FindingView current, Resource resource, List<HistoryEntry> history,
    int historyLimit) {

  /** The resource as the page shows it; name and tags come from its last snapshot when held. */
  record Resource(String key, String type, String id, String name, String arn, String accountId, String region,
      Map<String, String> tags, Instant lastSnapshotAt) {}

  static FindingPage of(String findingId, FindingView current, ResourceView view, List<HistoryEntry> oldestFirst,
      int historyLimit) {
    HistoryEntry last = oldestFirst.get(oldestFirst.size() - 1);
    boolean own = view != null && view.resourceKey().equals(last.resourceKey());
    Resource resource = new Resource(last.resourceKey(), last.resourceType(), last.resourceId(),
        own && view.resourceName() != null ? view.resourceName() : last.resourceName(), last.resourceArn(), last.accountId(), last.region(),
        own ? view.tags() : Map.of(), own ? view.lastSnapshotAt() : null);
    List<HistoryEntry> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    return new FindingPage(findingId, current, resource, newestFirst, historyLimit);
  }
}
