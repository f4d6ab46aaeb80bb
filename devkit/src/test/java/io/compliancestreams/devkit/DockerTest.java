package io.compliancestreams.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerTest {

  private static final Path HOME = Path.of("/home/someone");

  @Test
  void shouldNotAskTestcontainersWhenNoSocketOrVariablePointsAtAnEngine() {
    assertThat(Docker.engineHinted(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), HOME, path -> false)).isFalse();
  }

  @Test
  void shouldAskWhenTheSystemSocketExists() {
    assertThat(Docker.engineHinted(Map.of(), HOME, Set.of(Path.of("/var/run/docker.sock"))::contains)).isTrue();
  }

  @Test
  void shouldAskWhenDockerHostIsSet() {
    assertThat(Docker.engineHinted(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"), HOME, path -> false)).isTrue();
  }

  @Test
  void shouldIgnoreABlankDockerHost() {
    assertThat(Docker.engineHinted(Map.of("DOCKER_HOST", " "), HOME, path -> false)).isFalse();
  }

  @Test
  void shouldAskWhenARootlessOrDesktopSocketExists() {
    assertThat(Docker.engineHinted(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), HOME,
        Set.of(Path.of("/run/user/1000/docker.sock"))::contains)).isTrue();
    assertThat(Docker.engineHinted(Map.of(), HOME,
        Set.of(HOME.resolve(".docker/run/docker.sock"))::contains)).isTrue();
  }

  @Test
  void shouldAnswerNoQuicklyOnThisMachineWhenNothingHintsAnEngine() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Docker.engineHinted(System.getenv(), Path.of(System.getProperty("user.home")), java.nio.file.Files::exists),
        "this machine has a Docker socket");
    long began = System.nanoTime();
    assertThat(Docker.available()).isFalse();
    assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(50);
  }
}
