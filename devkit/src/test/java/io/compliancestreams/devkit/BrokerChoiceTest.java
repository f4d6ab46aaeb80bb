package io.compliancestreams.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

  private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED = () -> {
    throw new AssertionError("Docker was asked although the environment names a broker");
  };

  @Test
  void shouldUseTheBrokerNamedInTheEnvironmentWithoutAskingDocker() {
    BrokerChoice choice = BrokerChoice.choose(
        Map.of("KAFKA_BOOTSTRAP_SERVERS", " kafka:9092 "), DOCKER_MUST_NOT_BE_ASKED);

    assertThat(choice).isEqualTo(new BrokerChoice(Source.EXTERNAL, "kafka:9092"));
  }

  @Test
  void shouldStartAContainerWhenNoBrokerIsNamedAndDockerIsAvailable() {
    BrokerChoice choice = BrokerChoice.choose(Map.of(), () -> true);

    assertThat(choice).isEqualTo(new BrokerChoice(Source.CONTAINER, null));
  }

  @Test
  void shouldStartABrokerInThisJvmWhenNoBrokerIsNamedAndDockerIsAbsent() {
    BrokerChoice choice = BrokerChoice.choose(Map.of(), () -> false);

    assertThat(choice).isEqualTo(new BrokerChoice(Source.LOCAL, null));
  }

  @Test
  void shouldIgnoreABlankBootstrapServersVariable() {
    BrokerChoice choice = BrokerChoice.choose(Map.of("KAFKA_BOOTSTRAP_SERVERS", "  "), () -> false);

    assertThat(choice.source()).isEqualTo(Source.LOCAL);
  }

  @Test
  void shouldRejectBootstrapServersForABrokerItStartsItself() {
    assertThatThrownBy(() -> new BrokerChoice(Source.LOCAL, "localhost:9092"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
