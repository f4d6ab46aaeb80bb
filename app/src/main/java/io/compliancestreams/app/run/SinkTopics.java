package io.compliancestreams.app.run;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.schemas.topics.LogicalTopics;
import io.compliancestreams.sinks.jira.JiraSettings;
import io.compliancestreams.streams.topology.Topics;
import io.compliancestreams.streams.topology.Topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclOperation;

/**
 * The topics the sinks write, beside the pipeline's own ({@link Topics#specs()}): each sink's
 * dead-letter topic, the OCSF output topic, and the compacted maps by which Slack and Jira remember
 * what they created. Created with {@code topic.partitions} and {@code topic.replication.factor} like
 * every other topic (schemas/README.md lists them all), by the {@code topics} command for every sink
 * and by a sink for its own at start: never left to a broker's {@code auto.create.topics.enable}.
 */
public final class SinkTopics {

  /** Finding id → Slack thread (compacted), read back by the Slack sink at start. */
  public static final String SLACK_POSTED = "compliance.sink.slack.posted.v1";
  /** Finding id → Jira issue key and last sequence (compacted), read back by the Jira sink at start. */
  public static final String JIRA_ISSUES = JiraSettings.DEFAULT_ISSUE_MAP_TOPIC;

  private SinkTopics() {}

  /** What sink {@code name} writes to Kafka. */
  public static List<TopicSpec> of(String name, AppConfig config) {
    Topics topics = Settings.topics(config);
    List<TopicSpec> specs = new ArrayList<>();
    // The name SinkSettings.deadLetterTopic gives the runner: <delta topic>.<sink>.dlq.
    specs.add(TopicSpec.delete(LogicalTopics.sinkDlq(topics.deltas(), name), Duration.ofDays(30).toMillis()));
    switch (name) {
      case "ocsf" -> specs.add(TopicSpec.delete(ocsfTopic(config), Duration.ofDays(7).toMillis()));
      case "slack" -> specs.add(TopicSpec.compact(topics.prefix() + SLACK_POSTED));
      case "jira" -> specs.add(TopicSpec.compact(topics.prefix() + JIRA_ISSUES));
      default -> { }
    }
    return List.copyOf(specs);
  }

  /**
   * What sink {@code name} does to each topic, for the ACL check at start: it reads the deltas,
   * writes its dead letters (and the OCSF topic), and reads back and writes its map (Slack, Jira).
   */
  public static Map<String, List<AclOperation>> access(String name, AppConfig config) {
    Map<String, List<AclOperation>> access = new LinkedHashMap<>();
    access.put(Settings.topics(config).deltas(), List.of(AclOperation.READ));
    for (TopicSpec spec : of(name, config)) {
      access.put(spec.name(), spec.name().endsWith(SLACK_POSTED) || spec.name().endsWith(JIRA_ISSUES)
          ? List.of(AclOperation.READ, AclOperation.WRITE) : List.of(AclOperation.WRITE));
    }
    return access;
  }

  /** What every sink writes, for the {@code topics} command. */
  public static List<TopicSpec> all(AppConfig config) {
    return SinkFactory.NAMES.stream().flatMap(name -> of(name, config).stream()).toList();
  }

  /** The OCSF output topic, with the configured prefix. */
  static String ocsfTopic(AppConfig config) {
    return Settings.topics(config).prefix() + config.string(ConfigKeys.OCSF_TOPIC);
  }
}
