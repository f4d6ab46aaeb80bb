package io.compliancestreams.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the app's keys reach Kafka Streams' properties (the ones an operator cares about). */
class StreamsSettingsMappingTest {

  private static final String GROUP_INSTANCE_ID = "consumer.group.instance.id";

  @Test
  void shouldUseStaticMembershipWhenAnInstanceIdIsSet() {
    AppConfig config = AppConfig.load(null, Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "STREAMS_INSTANCE_ID", "compliance-streams-2"), Map.of());

    var properties = Settings.streams(config, null).toProperties();

    assertThat(properties.getProperty(GROUP_INSTANCE_ID)).isEqualTo("compliance-streams-2");
  }

  @Test
  void shouldUseDynamicMembershipByDefault() {
    AppConfig config = AppConfig.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), Map.of());

    var properties = Settings.streams(config, null).toProperties();

    assertThat(properties).doesNotContainKey(GROUP_INSTANCE_ID);
    assertThat(properties.getProperty("application.id")).isEqualTo("compliance-streams");
  }
}
