package io.compliancestreams.streams.topology;

/**
 * The request id of a rescan and the way back from a rescanned snapshot to the CloudTrail event
 * that asked for it. The topology sets {@code requestId = <eventId>/<type>/<resource id or *>}; the
 * ingest rescan consumer stamps each snapshot it publishes with {@code scanId = rescan-<requestId>}
 * (docs/ingest.md), so the event id is the scan id's part between {@code rescan-} and the first
 * {@code /}. CloudTrail event ids are UUIDs and hold no {@code /}.
 */
final class RescanOrigin {

  private static final String SCAN_PREFIX = "rescan-";
  private static final String NO_ID = "noid-";

  private RescanOrigin() {}

  /** The request id for a rescan of one target of an event (eventId null: the event has none). */
  static String requestId(String eventId, long recordTime, String resourceType, String resourceId) {
    return (eventId == null ? NO_ID + recordTime : eventId) + "/" + resourceType + "/"
        + (resourceId == null ? "*" : resourceId);
  }

  /** The event id behind a snapshot's scan id, or null when a scan (not an event's rescan) made it. */
  static String eventId(String scanId) {
    if (scanId == null || !scanId.startsWith(SCAN_PREFIX)) {
      return null;
    }
    int end = scanId.indexOf('/', SCAN_PREFIX.length());
    String id = end < 0 ? null : scanId.substring(SCAN_PREFIX.length(), end);
    return id == null || id.isEmpty() || id.startsWith(NO_ID) ? null : id;
  }
}
