package io.compliancestreams.devkit;

import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Which Kafka broker to use; {@code externalBootstrapServers} is set exactly when the source is
 * {@link Source#EXTERNAL}.
 */
public record BrokerChoice(Source source, String externalBootstrapServers) {

  /** The environment variable that names an already running broker. */
  public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";

  public BrokerChoice {
    Objects.requireNonNull(source, "source");
    if ((source == Source.EXTERNAL) != (externalBootstrapServers != null)) {
      throw new IllegalArgumentException(
          "externalBootstrapServers must be given exactly for an EXTERNAL broker, got "
              + source + " with " + externalBootstrapServers);
    }
  }

  /**
   * Chooses, in order: the broker named by {@value #BOOTSTRAP_SERVERS_ENV} if set and not blank
   * (Docker is then not asked); a Testcontainers broker if Docker is available; a broker in this
   * JVM otherwise.
   */
  public static BrokerChoice choose(Map<String, String> env, BooleanSupplier dockerAvailable) {
    String external = env.get(BOOTSTRAP_SERVERS_ENV);
    if (external != null && !external.isBlank()) {
      return new BrokerChoice(Source.EXTERNAL, external.strip());
    }
    return new BrokerChoice(dockerAvailable.getAsBoolean() ? Source.CONTAINER : Source.LOCAL, null);
  }
}
