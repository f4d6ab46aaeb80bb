package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * JSON over HTTP with Jira's auth, mapping failures to {@link DeliveryException}: 429 → retry after
 * Retry-After; 5xx, timeouts and resets → retryable; other 4xx → permanent with Jira's error
 * messages. Exception texts name the method and path only (never the host's credentials).
 */
final class JiraHttp {

  private final String base;
  private final String authorization;
  private final Duration timeout;
  private final ObjectMapper json;
  private final HttpClient client;

  JiraHttp(URI baseUrl, JiraSettings.Auth auth, Duration timeout, ObjectMapper json) {
    String url = baseUrl.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.authorization = authorization(auth);
    this.timeout = timeout;
    this.json = json;
    // HTTP/1.1: Jira gains nothing from h2c upgrade attempts on plain-http Server installs.
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  static String authorization(JiraSettings.Auth auth) {
    return switch (auth.kind()) {
      case BASIC -> "Basic " + Base64.getEncoder().encodeToString(
          (auth.user() + ":" + auth.secret()).getBytes(StandardCharsets.UTF_8));
      case BEARER -> "Bearer " + auth.secret();
    };
  }

  JsonNode get(String pathAndQuery) throws DeliveryException {
    return send("GET", pathAndQuery, null).orElseThrow(() -> notFound("GET", pathAndQuery));
  }

  /** GET that treats 404 as "not there" (a deleted issue), not as a failure. */
  Optional<JsonNode> find(String pathAndQuery) throws DeliveryException {
    return send("GET", pathAndQuery, null);
  }

  /** POSTs JSON; returns the response body ({@link MissingNode} for 204 or an empty body). */
  JsonNode post(String path, JsonNode body) throws DeliveryException {
    return send("POST", path, body).orElseThrow(() -> notFound("POST", path));
  }

  /** PUTs JSON (an issue property); returns the response body ({@link MissingNode} when empty). */
  JsonNode put(String path, JsonNode body) throws DeliveryException {
    return send("PUT", path, body).orElseThrow(() -> notFound("PUT", path));
  }

  private Optional<JsonNode> send(String method, String path, JsonNode body) throws DeliveryException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Timeouts, refused connections, resets: the request may not have reached Jira, try again.
      throw DeliveryException.retryable("Jira " + method + " " + path + " failed: "
          + e.getClass().getSimpleName(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retryable("interrupted during Jira " + method + " " + path, null);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Optional.of(read(method, path, response.body()));
    }
    if (status == 404 && "GET".equals(method)) {
      return Optional.empty();
    }
    String what = "Jira " + method + " " + path + " → " + status + ": "
        + JiraErrors.describe(json, response.body());
    if (status == 429) {
      Optional<Duration> wait = retryAfter(response);
      throw wait.isPresent() ? DeliveryException.retryAfter(what, wait.get())
          : DeliveryException.retryable(what, null);
    }
    if (status >= 500) {
      throw DeliveryException.retryable(what, null);
    }
    throw DeliveryException.permanent(what, null);
  }

  /** Jira sends Retry-After in seconds. */
  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private JsonNode read(String method, String path, String body) throws DeliveryException {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw DeliveryException.retryable("Jira " + method + " " + path + " returned non-JSON", null);
    }
  }

  private String write(JsonNode body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a Jira request", e);
    }
  }

  private static DeliveryException notFound(String method, String path) {
    return DeliveryException.permanent("Jira " + method + " " + path + " → 404", null);
  }
}
