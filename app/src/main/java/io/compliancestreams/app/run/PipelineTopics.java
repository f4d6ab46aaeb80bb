package io.compliancestreams.app.run;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.streams.topology.TopicCreator;
import io.compliancestreams.streams.topology.Topics.TopicSpec;
import java.util.List;

/**
 * Makes sure the pipeline's topics exist before a command first writes to Kafka, created exactly as
 * {@code streams} creates them ({@code topic.partitions}, cleanup policy, retention). Without it
 * the first producer lets a broker with {@code auto.create.topics.enable} create its topic with the
 * broker's default of 1 partition, and {@code streams} then refuses the mismatch: with it the order
 * in which components start never matters. With {@code topics.create=false} a missing topic stops
 * the command with one line naming it (exit 3) instead.
 */
public final class PipelineTopics {

  private PipelineTopics() {}

  /**
   * Creates the missing pipeline topics and {@code own} (topics only this command writes, such as
   * a sink's dead-letter topic); returns the names created. Existing topics are left as they are:
   * {@code streams} verifies their partition counts, a command that only writes need not agree.
   *
   * @throws IllegalStateException when topics are missing and creation is off, or Kafka is unreachable
   */
  public static List<String> ensure(AppConfig config, TopicSpec... own) {
    return new TopicCreator(Settings.streams(config, null), List.of(own)).createMissing();
  }
}
