package io.compliancestreams.ingest.publish;

import io.compliancestreams.schemas.topics.LogicalTopics;
import java.util.Objects;

/**
 * The topics ingest writes to; the app maps its configuration (prefix included) onto this value.
 * Dead letters go to {@code <topic>.dlq}, as the contract names them.
 */
public record TopicNames(String snapshots, String cloudTrail) {

  public TopicNames {
    requireName(snapshots, "snapshots");
    requireName(cloudTrail, "cloudTrail");
  }

  /** The contract's default names, without a prefix. */
  public static TopicNames defaults() {
    return new TopicNames(LogicalTopics.SNAPSHOTS, LogicalTopics.CLOUDTRAIL);
  }

  public String snapshotsDlq() {
    return LogicalTopics.dlq(snapshots);
  }

  public String cloudTrailDlq() {
    return LogicalTopics.dlq(cloudTrail);
  }

  /** The dead-letter topic of an input stream. */
  public String deadLetterTopic(DeadLetter.Stream stream) {
    return switch (stream) {
      case SNAPSHOTS -> snapshotsDlq();
      case CLOUDTRAIL -> cloudTrailDlq();
    };
  }

  private static void requireName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " topic name is blank");
    }
  }
}
