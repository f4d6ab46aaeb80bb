package io.compliancestreams.schemas.topics;

import java.util.List;

/**
 * The pipeline's topic names before any prefix (schemas/README.md, "Topics"): the one place ingest,
 * streams, sinks and the app take them from. Each deployment may put one prefix in front of all.
 */
public final class LogicalTopics {

  public static final String SNAPSHOTS = "aws.resource.snapshot.v1";
  public static final String CLOUDTRAIL = "aws.cloudtrail.event.v1";
  public static final String DELTAS = "compliance.finding.delta.v1";
  public static final String FINDING_STATE = "compliance.finding.state.v1";
  public static final String RESCANS = "compliance.rescan.request.v1";
  public static final String SUPPRESSIONS = "compliance.suppression.v1";
  /** Compacted alias index (name or ARN → canonical key), written and read by the topology. */
  public static final String ALIASES = "compliance.resource.alias.v1";
  /**
   * Compacted scan inventory (what each scope reported in its last successful scan), written and
   * read by the ingest service only, so its first scan after a restart derives deletions too.
   */
  public static final String INVENTORY = "compliance.scan.inventory.v1";

  /** Every logical name, in a stable order. */
  public static final List<String> ALL =
      List.of(SNAPSHOTS, CLOUDTRAIL, DELTAS, FINDING_STATE, RESCANS, SUPPRESSIONS, ALIASES, INVENTORY);

  private static final String DLQ_SUFFIX = ".dlq";

  private LogicalTopics() {}

  /** The dead-letter topic of a topic (prefixed or not): {@code <topic>.dlq}. */
  public static String dlq(String topic) {
    return topic + DLQ_SUFFIX;
  }

  /** A sink's dead-letter topic: {@code <delta topic>.<sink>.dlq}. */
  public static String sinkDlq(String deltaTopic, String sinkName) {
    return dlq(deltaTopic + "." + sinkName);
  }
}
