package io.compliancestreams.devkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers. Testcontainers is asked only where an engine could be: asked on
 * a machine without one, it logs an ERROR ("Could not find a valid Docker environment") and a stack
 * trace into the user's console before answering no.
 */
final class Docker {

  /** Unix sockets Testcontainers' own strategies look at, relative to the home directory or absolute. */
  private static final List<String> SOCKETS_IN_HOME =
      List.of(".docker/run/docker.sock", ".docker/desktop/docker.sock", ".colima/default/docker.sock",
          ".colima/docker.sock", ".rd/docker.sock", ".testcontainers.properties");

  private Docker() {}

  static boolean available() {
    if (!engineHinted(System.getenv(), Path.of(System.getProperty("user.home", "/nonexistent")), Files::exists)) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * True when something points at a Docker engine: {@code DOCKER_HOST} or {@code
   * TESTCONTAINERS_HOST_OVERRIDE} set, {@code /var/run/docker.sock}, a rootless socket under {@code
   * XDG_RUNTIME_DIR}, a Docker Desktop / Colima / Rancher Desktop socket, or a {@code
   * ~/.testcontainers.properties} that may name one.
   */
  static boolean engineHinted(Map<String, String> env, Path home, Predicate<Path> exists) {
    for (String variable : List.of("DOCKER_HOST", "TESTCONTAINERS_HOST_OVERRIDE",
        "TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE")) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    if (exists.test(Path.of("/var/run/docker.sock"))) {
      return true;
    }
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (runtimeDir != null && !runtimeDir.isBlank() && exists.test(Path.of(runtimeDir, "docker.sock"))) {
      return true;
    }
    return SOCKETS_IN_HOME.stream().anyMatch(relative -> exists.test(home.resolve(relative)));
  }
}
