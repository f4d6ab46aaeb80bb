package io.compliancestreams.devkit;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Which AWS emulator to use; {@code externalEndpoint} is set exactly when the source is {@link
 * Source#EXTERNAL}.
 */
public record EmulatorChoice(Source source, URI externalEndpoint) {

  /** The environment variable (also read by the AWS SDK) that names a running endpoint. */
  public static final String ENDPOINT_URL_ENV = "AWS_ENDPOINT_URL";

  public EmulatorChoice {
    Objects.requireNonNull(source, "source");
    if ((source == Source.EXTERNAL) != (externalEndpoint != null)) {
      throw new IllegalArgumentException(
          "externalEndpoint must be given exactly for an EXTERNAL emulator, got "
              + source + " with " + externalEndpoint);
    }
  }

  /**
   * Chooses, in order: the endpoint named by {@value #ENDPOINT_URL_ENV} if set and not blank
   * (Docker is then not asked); moto in a container if Docker is available; a local {@code python3
   * -m moto.server} process otherwise.
   *
   * @throws IllegalArgumentException if {@value #ENDPOINT_URL_ENV} is not an absolute URI
   */
  public static EmulatorChoice choose(Map<String, String> env, BooleanSupplier dockerAvailable) {
    String external = env.get(ENDPOINT_URL_ENV);
    if (external != null && !external.isBlank()) {
      URI uri = URI.create(external.strip());
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new IllegalArgumentException(
            ENDPOINT_URL_ENV + " must be an absolute URL such as http://127.0.0.1:5000, got '"
                + external + "'");
      }
      return new EmulatorChoice(Source.EXTERNAL, uri);
    }
    return new EmulatorChoice(
        dockerAvailable.getAsBoolean() ? Source.CONTAINER : Source.LOCAL, null);
  }
}
