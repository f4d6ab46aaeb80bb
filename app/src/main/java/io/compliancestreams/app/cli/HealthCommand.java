package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.ConfigKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code health}: asks a running instance's {@code GET /health} and exits 0 only on 200. It is the
 * container image's HEALTHCHECK: the image has no shell and no curl, only the JVM and the app.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Asks the HTTP server of a running streams, run or sink process for GET /health"
        + " (http.bind and http.port of the same configuration; a wildcard bind is asked on loopback)"
        + " and exits 0 when it answers 200: the container image's health command.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:healthy (200)", "1:unhealthy: another status, or no answer within --timeout",
        "2:invalid options or configuration (the message names it)"})
public final class HealthCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(names = "--url", paramLabel = "URL",
      description = "Health URL to ask instead of http://<http.bind>:<http.port>/health.")
  URI url;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5S",
      description = "How long to wait for the answer (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration timeout;

  private final PrintStream out;

  public HealthCommand() {
    this(System.out);
  }

  HealthCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    URI target;
    try {
      target = url != null ? url : localHealth(config.load());
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(timeout).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
      boolean healthy = response.statusCode() == 200;
      out.println((healthy ? "healthy: " : "unhealthy: ") + response.statusCode() + " " + response.body().strip());
      return healthy ? ExitCodes.OK : ExitCodes.UNHEALTHY;
    } catch (IOException e) {
      out.println("unhealthy: no answer from " + target + " (" + e.getClass().getSimpleName() + ")");
      return ExitCodes.UNHEALTHY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.UNHEALTHY;
    }
  }

  /** The server listens on http.bind; a wildcard address is reached on loopback. */
  static URI localHealth(AppConfig loaded) {
    String bind = loaded.string(ConfigKeys.HTTP_BIND);
    String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
    return URI.create("http://" + host + ":" + loaded.integer(ConfigKeys.HTTP_PORT) + "/health");
  }
}
