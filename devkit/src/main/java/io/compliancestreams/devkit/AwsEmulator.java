package io.compliancestreams.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A running AWS emulator endpoint (moto), chosen by {@link EmulatorChoice#choose}: the one named by
 * {@code AWS_ENDPOINT_URL}, else a {@code motoserver/moto} container, else {@code python3 -m
 * moto.server} as a child process. Closing stops what was started here and nothing else.
 *
 * <pre>{@code
 * try (AwsEmulator aws = AwsEmulator.start()) {
 *   S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint())
 *       .region(Region.of(AwsEmulator.REGION)) ... .build();
 * }
 * }</pre>
 */
public final class AwsEmulator implements AutoCloseable {

  /** The conventional fake credentials moto accepts. */
  public static final String ACCESS_KEY_ID = "testing";
  public static final String SECRET_ACCESS_KEY = "testing";
  public static final String REGION = "us-east-1";

  /** Overrides the container image, e.g. {@code motoserver/moto:5.1.0}. */
  public static final String IMAGE_ENV = "DEVKIT_MOTO_IMAGE";
  /** Overrides the Python command for the local process (default {@code python3}). */
  public static final String PYTHON_ENV = "DEVKIT_PYTHON";

  static final String DEFAULT_IMAGE = "motoserver/moto:5.1.0";
  static final String DEFAULT_PYTHON = "python3";
  private static final int CONTAINER_PORT = 5000;
  private static final Logger LOG = LoggerFactory.getLogger(AwsEmulator.class);

  private final Source source;
  private final URI endpoint;
  private final GenericContainer<?> container;
  private final LocalMotoProcess process;
  private final HttpClient http;

  private AwsEmulator(
      Source source, URI endpoint, GenericContainer<?> container, LocalMotoProcess process,
      HttpClient http) {
    this.source = source;
    this.endpoint = endpoint;
    this.container = container;
    this.process = process;
    this.http = http;
  }

  /** Starts (or finds) an emulator as chosen from the process environment and Docker. */
  public static AwsEmulator start() {
    return start(EmulatorChoice.choose(System.getenv(), Docker::available));
  }

  /** Starts (or finds) the emulator {@code choice} names. */
  public static AwsEmulator start(EmulatorChoice choice) {
    long began = System.nanoTime();
    AwsEmulator emulator = switch (choice.source()) {
      case EXTERNAL -> new AwsEmulator(Source.EXTERNAL, choice.externalEndpoint(), null, null, newHttp());
      case CONTAINER -> startContainer();
      case LOCAL -> startLocal(System.getenv().getOrDefault(PYTHON_ENV, DEFAULT_PYTHON));
    };
    LOG.info("AWS emulator ({}) at {} ready in {} ms", emulator.source, emulator.endpoint,
        Duration.ofNanos(System.nanoTime() - began).toMillis());
    return emulator;
  }

  /**
   * Starts {@code <python> -m moto.server} on a free loopback port.
   *
   * @throws IllegalStateException if {@code python} cannot be run or cannot import moto's server,
   *     with the command to install it
   */
  public static AwsEmulator startLocal(String python) {
    Objects.requireNonNull(python, "python");
    HttpClient http = newHttp();
    LocalMotoProcess process = LocalMotoProcess.start(python, http);
    return new AwsEmulator(Source.LOCAL, process.endpoint(), null, process, http);
  }

  private static AwsEmulator startContainer() {
    String image = System.getenv().getOrDefault(IMAGE_ENV, DEFAULT_IMAGE);
    GenericContainer<?> container = new GenericContainer<>(image)
        .withExposedPorts(CONTAINER_PORT)
        .waitingFor(Wait.forListeningPort());
    container.start();
    URI endpoint = URI.create(
        "http://" + container.getHost() + ":" + container.getMappedPort(CONTAINER_PORT));
    return new AwsEmulator(Source.CONTAINER, endpoint, container, null, newHttp());
  }

  private static HttpClient newHttp() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** Where the emulator came from. */
  public Source source() {
    return source;
  }

  /** The endpoint to give the AWS SDK ({@code endpointOverride}) or {@code AWS_ENDPOINT_URL}. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Environment variables that point an AWS SDK (or the app in a child process) at this emulator
   * with the fake credentials and region.
   */
  public Map<String, String> environment() {
    return Map.of(
        EmulatorChoice.ENDPOINT_URL_ENV, endpoint.toString(),
        "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
        "AWS_REGION", REGION,
        "AWS_REQUEST_CHECKSUM_CALCULATION", "WHEN_REQUIRED");
  }

  /** Forgets every resource the emulator holds ({@code POST /moto-api/reset}). */
  public void reset() {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Resetting the AWS emulator at " + endpoint
            + " answered HTTP " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reset the AWS emulator at " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while resetting the AWS emulator", e);
    }
  }

  /** Stops what was started here; an external emulator is left alone. */
  @Override
  public void close() {
    if (container != null) {
      container.stop();
    }
    if (process != null) {
      process.stop();
    }
  }

  @Override
  public String toString() {
    return "AwsEmulator[" + source + " " + endpoint + "]";
  }
}
