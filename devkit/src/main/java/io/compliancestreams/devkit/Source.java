package io.compliancestreams.devkit;

/** Where a piece of infrastructure comes from. */
public enum Source {
  /** Named in the environment and already running; the devkit starts and stops nothing. */
  EXTERNAL,
  /** A container started through Testcontainers, because a Docker engine answered. */
  CONTAINER,
  /** Started locally without Docker: inside this JVM (Kafka) or as a child process (moto). */
  LOCAL
}
