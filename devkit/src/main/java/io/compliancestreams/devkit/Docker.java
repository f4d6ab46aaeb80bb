package io.compliancestreams.devkit;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers; without one Testcontainers logs an error and we go local. */
final class Docker {

  private Docker() {}

  static boolean available() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
