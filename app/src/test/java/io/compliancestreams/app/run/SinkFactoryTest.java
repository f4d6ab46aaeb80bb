package io.compliancestreams.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the s3 sink's posture snapshot keys are read. A runner creates its dead-letter topic when
 * built, hence the broker; none is started, so no snapshot is taken.
 */
class SinkFactoryTest {

  private static KafkaBroker kafka;

  @BeforeAll
  static void startBroker() {
    kafka = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  private static Map<String, String> s3(String... more) {
    Map<String, String> env = new HashMap<>(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "S3_AUDIT_BUCKET", "audit"));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  @Test
  void shouldRejectAPostureTimeThatIsNotHoursAndMinutesNamingTheKey() {
    assertThatThrownBy(() -> AppConfig.load(null, s3("S3_POSTURE_TIME", "25:00"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sink.s3.posture.time")
        .hasMessageContaining("25:00");
  }

  @Test
  void shouldRegisterThePostureMetersWhenSnapshotsAreOnByDefault() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    try (SinkRunner runner = SinkFactory.runner("s3", AppConfig.load(null, s3(), Map.of()), meters)) {
      assertThat(meters.find("compliance.sink.posture.findings").gauge()).isNotNull();
    }
  }

  @Test
  void shouldNotScheduleSnapshotsWhenTurnedOff() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    try (SinkRunner runner = SinkFactory.runner("s3",
        AppConfig.load(null, s3("S3_POSTURE_ENABLED", "false"), Map.of()), meters)) {
      assertThat(meters.find("compliance.sink.posture.findings").gauge()).isNull();
    }
  }
}
