package io.compliancestreams.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.run.StreamsNode;
import io.compliancestreams.devkit.KafkaBroker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, against the real servers over real HTTP: every route the servers register (read
 * from their routers, so a route added later is walked too), in every path form a router or Jetty
 * might normalize, with every method, answers 401 without the token; with the token only the
 * canonical form is served; every response carries the security headers.
 */
class HttpAuthorizationTest {

  private static final String TOKEN = "tok-" + UUID.randomUUID();
  private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
      "TRACE");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static KafkaBroker broker;
  private static StreamsNode node;
  private static OpsServer ops;
  private static final AtomicBoolean sinkRunning = new AtomicBoolean(true);

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
    node = StreamsNode.start(AppConfig.load(null, Map.of(), Map.of(
        "kafka.bootstrap.servers", broker.bootstrapServers(),
        "streams.application.id", "auth-" + UUID.randomUUID(),
        "topic.prefix", "auth.",
        "streams.state.dir", Files.createTempDirectory("auth").toString(),
        "http.port", "0",
        "http.token", TOKEN)));
    ops = new OpsServer("sink test", sinkRunning::get, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), TOKEN)
        .start("127.0.0.1", 0);
    assertThat(node.awaitRunning(Duration.ofSeconds(60))).as("streams RUNNING").isTrue();
  }

  @AfterAll
  static void stop() {
    if (ops != null) {
      ops.close();
    }
    if (node != null) {
      node.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldAnswer401WithoutAValidTokenToEveryRouteInEveryPathFormAndMethod() throws Exception {
    List<String> wrong = new ArrayList<>();
    int requests = 0;
    for (Target target : targets()) {
      for (String path : target.paths()) {
        for (String form : forms(path)) {
          for (String method : METHODS) {
            String rawPath = form.contains("?") ? form.substring(0, form.indexOf('?')) : form;
            if ((target.publicPaths().contains(rawPath) || target.name().equals("query API")
                && ApiServer.PUBLIC_PAGES.matcher(rawPath).matches()) && (method.equals("GET") || method.equals("HEAD"))) {
              continue;
            }
            for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + TOKEN + "x", TOKEN}) {
              HttpResponse<String> response = send(target.port(), method, form, authorization);
              requests++;
              if (response.statusCode() != 401) {
                wrong.add(method + " " + form + " (" + target.name() + ", Authorization " + authorization + ") -> "
                    + response.statusCode());
              }
              missingHeaders(response).forEach(h -> wrong.add(method + " " + form + " -> " + response.statusCode()
                  + " without " + h));
            }
          }
        }
      }
    }
    System.out.printf("%d unauthorized requests checked%n", requests);
    assertThat(requests).isGreaterThan(2000);
    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldServeOnlyTheCanonicalFormOfARouteWithTheToken() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Target target : targets()) {
      for (String path : target.paths()) {
        HttpResponse<String> canonical = send(target.port(), "GET", path, "Bearer " + TOKEN);
        // 400: /api/resource or /api/local/history without its parameter, 404: a finding this
        // empty pipeline does not have — each shows the route ran.
        if (canonical.statusCode() != 200 && !(canonical.statusCode() == 400 && canonical.body().contains("query parameter '"))
            && !(canonical.statusCode() == 404 && canonical.body().contains("no such finding"))) {
          wrong.add("GET " + path + " (" + target.name() + ") -> " + canonical.statusCode() + " " + canonical.body());
        }
        for (String form : forms(path)) {
          if (form.equals(path) || form.startsWith(path + "?")) {
            continue;
          }
          HttpResponse<String> response = send(target.port(), "GET", form, "Bearer " + TOKEN);
          if (response.statusCode() == 200 || response.statusCode() / 100 == 3) {
            wrong.add("GET " + form + " (" + target.name() + ") -> " + response.statusCode());
          }
          missingHeaders(response).forEach(h -> wrong.add("GET " + form + " -> " + response.statusCode() + " without " + h));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldServeHealthAndThePageShellWithoutTheTokenWithSecurityHeaders() throws Exception {
    for (String path : ApiServer.PUBLIC_PATHS) {
      HttpResponse<String> response = send(node.httpPort(), "GET", path, null);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(missingHeaders(response)).as(path).isEmpty();
    }
    HttpResponse<String> health = send(ops.port(), "GET", "/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"live\":true,\"ready\":true,\"component\":\"sink test\",\"state\":\"RUNNING\"}");
    assertThat(send(node.httpPort(), "GET", "/api/practices", null).body()).doesNotContain("S3.4");
  }

  @Test
  void shouldForbidCachingOfData() throws Exception {
    for (String path : List.of("/api/practices", "/api/posture", "/metrics", "/health")) {
      HttpResponse<String> response = send(node.httpPort(), "GET", path, "Bearer " + TOKEN);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().allValues("Cache-Control")).as(path).containsExactly("no-store");
    }
    System.out.println("static file Cache-Control: "
        + send(node.httpPort(), "GET", "/dashboard.js", null).headers().allValues("Cache-Control"));
  }

  @Test
  void shouldSendTheSecurityHeadersOnA503() throws Exception {
    sinkRunning.set(false);
    try {
      HttpResponse<String> stopped = send(ops.port(), "GET", "/health", null);
      assertThat(stopped.statusCode()).isEqualTo(503);
      assertThat(stopped.body()).contains("\"state\":\"STOPPED\"");
      assertThat(missingHeaders(stopped)).isEmpty();
    } finally {
      sinkRunning.set(true);
    }
  }

  private static final String SAMPLE_FINDING_ID = "p10-0123456789abcdef01234567";
  private static final String SAMPLE_RESOURCE_KEY = "123456789012/eu-west-1/AWS::S3::Bucket/Name.With:Colons";

  private record Target(String name, int port, Set<String> paths, Set<String> publicPaths) {}

  /** Each server with every path its router knows, plus the static files of the page shell. */
  private static List<Target> targets() {
    Set<String> apiPaths = new LinkedHashSet<>(paths(node.api().routes()));
    apiPaths.addAll(ApiServer.PUBLIC_PATHS);
    apiPaths.add("/finding.js");
    apiPaths.add("/resource.js");
    assertThat(apiPaths).as("routes read from the router").contains("/api/findings", "/api/local/resource",
        "/api/deltas", "/metrics", "/health");
    Set<String> opsPaths = paths(ops.routes());
    assertThat(opsPaths).containsExactlyInAnyOrder("/health", "/metrics");
    return List.of(new Target("query API", node.httpPort(), apiPaths, ApiServer.PUBLIC_PATHS),
        new Target("sink server", ops.port(), opsPaths, OpsServer.PUBLIC_PATHS));
  }

  private static Set<String> paths(List<String> routes) {
    Set<String> paths = new LinkedHashSet<>();
    // A path parameter becomes a well-formed value: a finding id, a resource key in hex.
    String key = ResourcePath.of(SAMPLE_RESOURCE_KEY).substring(ResourcePath.PREFIX.length());
    routes.forEach(r -> paths.add(r.substring(r.indexOf(' ') + 1).replace("{id}", SAMPLE_FINDING_ID)
        .replace("{key}", key)));
    return paths;
  }

  /** The path as sent, and the forms a router, Jetty or a proxy might take for the same resource. */
  static List<String> forms(String path) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(path);
    forms.add(path + "?x=1");
    forms.add("/" + path);
    forms.add(path + "/");
    forms.add(path + "//");
    forms.add(path + "/.");
    forms.add("/." + path);
    forms.add("/x/.." + path);
    forms.add("/%2e" + path);
    forms.add(path + ";x=1");
    forms.add(path + "%20");
    forms.add(path.toUpperCase(Locale.ROOT));
    if (path.length() > 1) {
      int last = path.lastIndexOf('/') + 1;
      char first = path.charAt(last);
      forms.add(path.substring(0, last) + Character.toUpperCase(first) + path.substring(last + 1));
      forms.add(path.substring(0, last) + String.format("%%%02x", (int) first) + path.substring(last + 1));
      forms.add(path.substring(0, last) + String.format("%%%02X", (int) first) + path.substring(last + 1));
      forms.add(path.substring(0, last - 1) + "//" + path.substring(last));
      if (last > 1) {
        forms.add(path.substring(0, last - 1) + "%2F" + path.substring(last));
      }
    }
    return List.copyOf(forms);
  }

  private static List<String> missingHeaders(HttpResponse<String> response) {
    List<String> missing = new ArrayList<>();
    HttpGuard.SECURITY_HEADERS.forEach((name, value) -> {
      if (name.equals("Cache-Control")) {
        return; // the static files set their own caching
      }
      if (!response.headers().allValues(name).equals(List.of(value))) {
        missing.add(name + ": " + value + " (got " + response.headers().allValues(name) + ")");
      }
    });
    return missing;
  }

  private static HttpResponse<String> send(int port, String method, String path, String authorization)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
