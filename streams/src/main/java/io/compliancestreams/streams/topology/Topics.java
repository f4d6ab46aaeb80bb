package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.topics.LogicalTopics;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every topic name of the pipeline, with one configurable prefix so several pipelines can share a
 * cluster. Look-ups by logical name throw on an unknown name.
 */
public record Topics(String prefix) {

  // The names themselves are the contract's (schemas' LogicalTopics); these are short aliases.
  public static final String SNAPSHOTS = LogicalTopics.SNAPSHOTS;
  public static final String CLOUDTRAIL = LogicalTopics.CLOUDTRAIL;
  public static final String DELTAS = LogicalTopics.DELTAS;
  public static final String FINDING_STATE = LogicalTopics.FINDING_STATE;
  public static final String RESCANS = LogicalTopics.RESCANS;
  public static final String SUPPRESSIONS = LogicalTopics.SUPPRESSIONS;
  public static final String ALIASES = LogicalTopics.ALIASES;
  public static final String INVENTORY = LogicalTopics.INVENTORY;

  /** Logical names in a stable order. */
  public static final List<String> LOGICAL_NAMES = LogicalTopics.ALL;

  public Topics {
    Objects.requireNonNull(prefix, "prefix");
  }

  public static Topics unprefixed() {
    return new Topics("");
  }

  public String snapshots() {
    return prefix + SNAPSHOTS;
  }

  public String cloudTrail() {
    return prefix + CLOUDTRAIL;
  }

  public String deltas() {
    return prefix + DELTAS;
  }

  public String findingState() {
    return prefix + FINDING_STATE;
  }

  public String rescans() {
    return prefix + RESCANS;
  }

  public String suppressions() {
    return prefix + SUPPRESSIONS;
  }

  public String aliases() {
    return prefix + ALIASES;
  }

  public String inventory() {
    return prefix + INVENTORY;
  }

  /** The dead-letter topic of an input topic. */
  public static String dlq(String topic) {
    return LogicalTopics.dlq(topic);
  }

  /** The full name of a logical topic; throws on a name that is not one of ours. */
  public String byName(String logicalName) {
    if (!LOGICAL_NAMES.contains(logicalName)) {
      throw new IllegalArgumentException("unknown topic '" + logicalName + "', expected one of " + LOGICAL_NAMES);
    }
    return prefix + logicalName;
  }

  /** Every topic to create, with its cleanup policy and retention (see schemas/README.md). */
  public List<TopicSpec> specs() {
    long day = 24L * 60 * 60 * 1000;
    return List.of(
        TopicSpec.delete(snapshots(), 7 * day).large(),
        TopicSpec.delete(cloudTrail(), 7 * day).large(),
        TopicSpec.delete(deltas(), 30 * day),
        TopicSpec.compact(findingState()),
        TopicSpec.delete(rescans(), day),
        TopicSpec.compact(suppressions()),
        TopicSpec.compact(aliases()),
        TopicSpec.compact(inventory()),
        TopicSpec.delete(dlq(snapshots()), 30 * day).large(),
        TopicSpec.delete(dlq(cloudTrail()), 30 * day).large(),
        TopicSpec.delete(dlq(suppressions()), 30 * day));
  }

  /** A topic with its configs. */
  public record TopicSpec(String name, Map<String, String> configs) {
    public static TopicSpec delete(String name, long retentionMs) {
      return new TopicSpec(name, Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retentionMs)));
    }

    public static TopicSpec compact(String name) {
      return new TopicSpec(name, Map.of("cleanup.policy", "compact"));
    }

    /**
     * Accepts records up to {@link InputLimits#MAX_INPUT_RECORD_BYTES}: an oversized input record
     * reaches the topology, which dead-letters it (so its DLQ must accept it too) instead of being
     * lost at the producer (docs/reliability.md).
     */
    TopicSpec large() {
      Map<String, String> withSize = new java.util.HashMap<>(configs);
      withSize.put("max.message.bytes", Integer.toString(InputLimits.MAX_INPUT_RECORD_BYTES));
      return new TopicSpec(name, Map.copyOf(withSize));
    }
  }
}
