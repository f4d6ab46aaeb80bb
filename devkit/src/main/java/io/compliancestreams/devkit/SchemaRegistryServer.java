package io.compliancestreams.devkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real schema registry for tests: Apicurio Registry 3 (its Confluent-compatible API at {@value
 * #CCOMPAT_PATH}) as a child JVM on a free loopback port, with its default in-memory H2 storage, so
 * every start is empty. Its output goes to {@code apicurio-registry.log} in the work directory, never
 * to the console.
 *
 * <p>The server is the {@code io.apicurio:apicurio-registry-app:<version>:zip:all} distribution (a
 * Quarkus runner jar and its {@code lib/}) from Maven Central; the build unpacks it and names the
 * folder in the system property {@value #HOME_PROPERTY} (see it-tests' pom).
 *
 * <p>It serves HTTPS only and requires HTTP basic authentication on the API: Quarkus' own basic
 * mechanism over its embedded user store, which the distribution is built with, so no OIDC server
 * is needed. (A plain-HTTP variant is one {@code quarkus.http.port} line; no test needs it yet.)
 */
public final class SchemaRegistryServer implements AutoCloseable {

  /** System property naming the unpacked distribution (the folder holding the runner jar). */
  public static final String HOME_PROPERTY = "devkit.apicurio.home";
  /** Path of the Confluent Schema Registry compatible API, version 7. */
  public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final String LOG_FILE = "apicurio-registry.log";

  private final Process process;
  private final Path logFile;
  private final URI base;
  private final Thread shutdownHook;

  private SchemaRegistryServer(Process process, Path logFile, URI base) {
    this.process = process;
    this.logFile = logFile;
    this.base = base;
    this.shutdownHook = new Thread(this::kill, "devkit-schema-registry-shutdown");
  }

  /**
   * HTTPS only, with the server key and certificate of {@code tls} ({@code CN=localhost}, SAN
   * 127.0.0.1 and localhost, signed by the CA in {@code tls.truststore()}), and HTTP basic
   * authentication required on every API path for the one user {@code user}.
   */
  public static SchemaRegistryServer startSecured(Path workDir, MutualTls tls, String user, String password) {
    if (user.isBlank() || user.contains(":") || user.contains("=")) {
      throw new IllegalArgumentException("user must be a plain name, got '" + user + "'");
    }
    int port = LoopbackPorts.free();
    List<String> config = new ArrayList<>(common());
    // Never opened (insecure requests are disabled), but its default 8080 may be taken.
    config.add("quarkus.http.port=" + LoopbackPorts.free());
    config.add("quarkus.http.ssl-port=" + port);
    config.add("quarkus.http.insecure-requests=disabled");
    config.add("quarkus.http.ssl.certificate.key-store-file=" + tls.brokerKeystore().toAbsolutePath());
    config.add("quarkus.http.ssl.certificate.key-store-file-type=PKCS12");
    config.add("quarkus.http.ssl.certificate.key-store-password=" + tls.password());
    config.add("quarkus.http.auth.basic=true");
    config.add("quarkus.security.users.embedded.plain-text=true");
    config.add("quarkus.security.users.embedded.users." + user + "=" + password);
    config.add("quarkus.http.auth.permission.api.paths=/apis/*");
    config.add("quarkus.http.auth.permission.api.policy=authenticated");
    HttpClient probe = HttpClient.newBuilder().sslContext(trusting(tls.truststore(), tls.password())).build();
    return launch(workDir, config, URI.create("https://localhost:" + port), probe);
  }

  /** Base URL of the Confluent-compatible API, what {@code schema.registry.url} takes. */
  public String url() {
    return base + CCOMPAT_PATH;
  }

  /** The registry's own output (start-up, access log). */
  public Path logFile() {
    return logFile;
  }

  /** Stops the registry and waits for it to end. */
  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run; nothing to remove.
    }
  }

  /** Loopback only, in-memory H2 (the distribution's default, written out so a change shows here). */
  private static List<String> common() {
    return List.of(
        "quarkus.http.host=127.0.0.1",
        "apicurio.storage.kind=sql",
        "apicurio.storage.sql.kind=h2",
        "quarkus.log.level=WARN",
        "quarkus.log.category.\"io.apicurio\".level=WARN");
  }

  private static SchemaRegistryServer launch(Path workDir, List<String> config, URI base, HttpClient probe) {
    Path home = home();
    Path runner = runnerJar(home);
    Path logFile = workDir.resolve(LOG_FILE);
    Process process;
    try {
      // Quarkus reads config/application.properties from its working directory: the password
      // stays off the command line.
      Path configDir = Files.createDirectories(workDir.resolve("config"));
      Files.write(configDir.resolve("application.properties"), config, StandardCharsets.ISO_8859_1);
      List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
          "-jar", runner.toString());
      process = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the schema registry from " + runner, e);
    }
    SchemaRegistryServer server = new SchemaRegistryServer(process, logFile, base);
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    try {
      Poll.until("the schema registry at " + base + " is ready", READY_TIMEOUT, () -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("The schema registry exited with code " + process.exitValue()
              + " before it was ready; its output:\n" + server.output());
        }
        return ready(probe, base);
      });
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static Path home() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null || home.isBlank()) {
      throw new IllegalStateException("System property " + HOME_PROPERTY + " is not set: run the test"
          + " through Maven, whose it-tests build unpacks the Apicurio Registry distribution and sets it");
    }
    return Path.of(home);
  }

  private static Path runnerJar(Path home) {
    try (var files = Files.list(home)) {
      return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No *-runner.jar in " + home + " (" + HOME_PROPERTY
              + "): is it the unpacked apicurio-registry-app zip?"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + home + " (" + HOME_PROPERTY + ")", e);
    }
  }

  /** Ready once the health check answers 200: the storage is initialised and the API is served. */
  private static boolean ready(HttpClient http, URI base) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/health/ready"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static SSLContext trusting(Path truststore, String password) {
    try (InputStream in = Files.newInputStream(truststore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the truststore " + truststore + ": " + e.getMessage(), e);
    }
  }

  private void kill() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String output() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return "SchemaRegistryServer[" + url() + "]";
  }
}
