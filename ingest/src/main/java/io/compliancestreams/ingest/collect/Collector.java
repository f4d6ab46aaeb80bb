package io.compliancestreams.ingest.collect;

import java.util.List;

/**
 * Collects the snapshots of one or a few closely related resource types in one account and one
 * region (or once per account for global services), through the clients the context gives.
 *
 * <p>A collector paginates every list call, emits every resource it sees (a snapshot per
 * resource, or one per scope for account/region facts, even when the thing is absent), and lets
 * AWS errors propagate: the scanner records AccessDenied / opted-out regions for the scope and
 * goes on, and never derives deletions from a failed scope.
 */
public interface Collector {

  /** A short stable name, e.g. {@code s3.buckets}; used in metrics and the scan summary. */
  String name();

  /** The snapshot types this collector produces (AWS Config types or our extension types). */
  List<String> resourceTypes();

  /** GLOBAL collectors run once per account (IAM, S3 account setting); REGIONAL once per region. */
  Coverage coverage();

  /** Collects everything of its types in the context's account and region. */
  void collect(CollectContext context, SnapshotSink sink);

  /**
   * Collects one resource (for targeted rescans). The default collects everything and keeps the
   * matching id; collectors with a cheap single-resource call override it.
   */
  default void collectOne(CollectContext context, String resourceId, SnapshotSink sink) {
    collect(context, s -> {
      if (s.getResourceId().equals(resourceId) || resourceId.equals(s.getArn())
          || resourceId.equals(s.getResourceName())) {
        sink.accept(s);
      }
    });
  }

  /** Where a collector runs. */
  enum Coverage { GLOBAL, REGIONAL }
}
