package io.compliancestreams.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class EmulatorChoiceTest {

  private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED = () -> {
    throw new AssertionError("Docker was asked although the environment names an endpoint");
  };

  @Test
  void shouldUseTheEndpointNamedInTheEnvironmentWithoutAskingDocker() {
    EmulatorChoice choice = EmulatorChoice.choose(
        Map.of("AWS_ENDPOINT_URL", "http://moto:5000"), DOCKER_MUST_NOT_BE_ASKED);

    assertThat(choice).isEqualTo(new EmulatorChoice(Source.EXTERNAL, URI.create("http://moto:5000")));
  }

  @Test
  void shouldStartAMotoContainerWhenNoEndpointIsNamedAndDockerIsAvailable() {
    EmulatorChoice choice = EmulatorChoice.choose(Map.of(), () -> true);

    assertThat(choice).isEqualTo(new EmulatorChoice(Source.CONTAINER, null));
  }

  @Test
  void shouldStartALocalMotoProcessWhenNoEndpointIsNamedAndDockerIsAbsent() {
    EmulatorChoice choice = EmulatorChoice.choose(Map.of(), () -> false);

    assertThat(choice).isEqualTo(new EmulatorChoice(Source.LOCAL, null));
  }

  @Test
  void shouldRejectAnEndpointThatIsNotAnAbsoluteUrl() {
    assertThatThrownBy(() -> EmulatorChoice.choose(Map.of("AWS_ENDPOINT_URL", "moto:5000"), () -> false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL");
  }
}
