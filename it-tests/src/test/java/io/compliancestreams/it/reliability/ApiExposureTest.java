package io.compliancestreams.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server of a real streams node with the default bind and a token: it listens on loopback
 * only, every /api and /metrics endpoint wants the token, and no route changes state.
 */
class ApiExposureTest {

  static final String TOKEN = "api-exposure-token-7d1f";
  /** Every route ApiServer registers, plus the dashboard's static files. */
  static final List<String> GUARDED = List.of("/api/practices", "/api/findings", "/api/findings?practice=10",
      "/api/posture", "/api/resource?key=111122223333", "/api/local/findings", "/api/local/resource?key=111122223333",
      "/api/deltas", "/api/deltas?after=0", "/metrics");
  static final List<String> OPEN = List.of("/health", "/", "/index.html", "/dashboard.js", "/dashboard.css");
  static final List<String> WRITE_METHODS = List.of("POST", "PUT", "DELETE", "PATCH");

  static KafkaBroker broker;
  static StreamsNode node;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    broker = KafkaBroker.start();
    // No http.bind: the default.
    node = StreamsNode.start(AppConfig.load(null, Map.of(), Map.of(
        "kafka.bootstrap.servers", broker.bootstrapServers(),
        "streams.application.id", "exposure-" + UUID.randomUUID(),
        "topic.prefix", "exposure.",
        "topic.partitions", "1",
        "streams.state.dir", Files.createTempDirectory("exposure").toString(),
        "http.port", "0",
        "http.token", TOKEN)));
    await("streams running").atMost(Duration.ofSeconds(60))
        .until(() -> node.app().state() == KafkaStreams.State.RUNNING);
  }

  @AfterAll
  static void stop() {
    node.close();
    broker.close();
  }

  @Test
  void shouldListenOnLoopbackOnlyByDefault() throws IOException {
    assertThat(node.self().host()).isEqualTo("127.0.0.1");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", node.httpPort()), 2_000);
    }
    Optional<InetAddress> external = nonLoopbackAddress();
    // A machine with only a loopback interface has nothing else to reach the port through.
    external.ifPresent(address -> assertThatThrownBy(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(address, node.httpPort()), 2_000);
      }
    }).as("connecting through %s", address).isInstanceOf(ConnectException.class));
    System.out.println("[reliability] loopback check through " + external.map(InetAddress::getHostAddress).orElse("(none)"));
  }

  @Test
  void shouldAnswer401WithoutTheTokenOnEveryApiAndMetricsEndpoint() throws Exception {
    for (String path : GUARDED) {
      assertThat(send("GET", path, null).statusCode()).as("GET %s without token", path).isEqualTo(401);
      assertThat(send("GET", path, "Bearer wrong").statusCode()).as("GET %s wrong token", path).isEqualTo(401);
      assertThat(send("GET", path, "Basic " + TOKEN).statusCode()).as("GET %s basic", path).isEqualTo(401);
      assertThat(send("GET", path, "Bearer " + TOKEN).statusCode()).as("GET %s with token", path)
          .isIn(200, 404); // 404: the resource key is unknown
    }
    assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldOfferNoRouteThatChangesState() throws Exception {
    for (String path : concat(GUARDED, OPEN)) {
      for (String method : WRITE_METHODS) {
        HttpResponse<String> authorized = send(method, path, "Bearer " + TOKEN);
        assertThat(authorized.statusCode()).as("%s %s with token", method, path).isIn(404, 405);
        HttpResponse<String> anonymous = send(method, path, null);
        assertThat(anonymous.statusCode()).as("%s %s without token", method, path).isIn(401, 404, 405);
      }
    }
  }

  static HttpResponse<String> send(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{\"status\":\"PASS\"}"));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || nif.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
