package io.compliancestreams.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.app.Main;
import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.http.OpsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The image's health command against the product's own /health server (a sink's OpsServer). */
class HealthCommandTest {

  private OpsServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldExitZeroWhenHealthAnswers200() {
    int port = serveHealth(true);

    int exit = health("--set", "http.port=" + port);

    assertThat(exit).isZero();
    assertThat(printed())
        .isEqualTo("healthy: 200 {\"live\":true,\"ready\":true,\"component\":\"sink ocsf\",\"state\":\"RUNNING\"}");
  }

  @Test
  void shouldExitOneWhenHealthAnswers503() {
    int port = serveHealth(false);

    int exit = health("--url", "http://127.0.0.1:" + port + "/health");

    assertThat(exit).isEqualTo(1);
    assertThat(printed())
        .isEqualTo("unhealthy: 503 {\"live\":false,\"ready\":false,\"component\":\"sink ocsf\",\"state\":\"STOPPED\"}");
  }

  @Test
  void shouldExitOneWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }

    int exit = health("--set", "http.port=" + port, "--timeout", "PT2S");

    assertThat(exit).isEqualTo(1);
    assertThat(printed()).startsWith("unhealthy: no answer from http://127.0.0.1:" + port + "/health (");
  }

  @Test
  void shouldExitTwoOnABadPort() {
    int exit = health("--set", "http.port=eighty");

    assertThat(exit).isEqualTo(2);
    assertThat(printed()).isEmpty();
  }

  @Test
  void shouldAskLoopbackWhenTheServerBindsEveryAddress() {
    assertThat(HealthCommand.localHealth(AppConfig.load(null, Map.of("HTTP_BIND", "0.0.0.0", "HTTP_PORT", "8080"), Map.of())))
        .hasToString("http://127.0.0.1:8080/health");
    assertThat(HealthCommand.localHealth(AppConfig.load(null, Map.of(), Map.of("http.bind", "10.0.0.7"))))
        .hasToString("http://10.0.0.7:8080/health");
  }

  @Test
  void shouldBeACommandOfTheMainCommandLine() {
    assertThat(Main.commandLine().getSubcommands()).containsKey("health");
  }

  /** The token does not apply: /health is public, as the HEALTHCHECK needs. */
  private int serveHealth(boolean running) {
    server = new OpsServer("sink ocsf", () -> running, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "s3cret")
        .start("127.0.0.1", 0);
    return server.port();
  }

  private int health(String... args) {
    return new CommandLine(new HealthCommand(new PrintStream(out, true, StandardCharsets.UTF_8))).execute(args);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8).strip();
  }
}
