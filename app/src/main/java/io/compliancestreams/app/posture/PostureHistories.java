package io.compliancestreams.app.posture;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.SinkFactory;
import io.compliancestreams.sinks.s3.AuditTrailReader;
import java.util.Map;

/** Where a configuration's past postures are rebuilt from. */
public final class PostureHistories {

  private PostureHistories() {}

  /**
   * From the s3 sink's audit trail when {@code sink.s3.bucket} is set, else from the delta topic
   * (bounded by its retention). Reads nothing yet.
   */
  public static PostureHistory of(AppConfig config) {
    String deltas = Settings.topics(config).deltas();
    if (SinkFactory.configured("s3", config)) {
      var settings = SinkFactory.s3Settings(config);
      return new AuditTrailHistory(() -> AuditTrailReader.open(settings, deltas));
    }
    return new DeltaTopicHistory(Settings.kafka(config).consumer(Map.of()), deltas, Settings.serdes(config),
        config.duration(ConfigKeys.KAFKA_COMMAND_TIMEOUT));
  }
}
