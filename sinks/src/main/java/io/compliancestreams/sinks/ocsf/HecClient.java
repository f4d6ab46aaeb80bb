package io.compliancestreams.sinks.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.redact.Redactor;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Posts batches to a Splunk HTTP Event Collector: {@code POST /services/collector/event} with
 * {@code Authorization: Splunk <token>}, the events' JSON envelopes concatenated, one per line
 * ({@code {"time": <epoch seconds>, "sourcetype": "ocsf:compliance_finding", "event": {...}}}).
 * HEC answers {@code {"text":"Success","code":0}}; 429 and 503 (server busy, queue full) and other
 * 5xx are retried, honouring Retry-After; 400 (invalid data), 401 and 403 (token) are not. The
 * URL and token never appear in a message.
 */
final class HecClient {

  static final String SOURCETYPE = "ocsf:compliance_finding";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 300;

  private final HecSettings settings;
  private final HttpClient http;

  HecClient(HecSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The envelope of one OCSF event; {@code time} is the event's time in epoch seconds. */
  ObjectNode envelope(ObjectNode event) {
    ObjectNode env = JSON.createObjectNode();
    env.put("time", BigDecimal.valueOf(event.path("time").asLong(), 3));
    env.put("sourcetype", SOURCETYPE);
    if (settings.source() != null) {
      env.put("source", settings.source());
    }
    if (settings.index() != null) {
      env.put("index", settings.index());
    }
    env.set("event", event);
    return env;
  }

  void post(List<ObjectNode> envelopes) throws DeliveryException {
    StringBuilder body = new StringBuilder();
    for (ObjectNode env : envelopes) {
      if (body.length() > 0) {
        body.append('\n');
      }
      body.append(env.toString());
    }
    HttpRequest request = HttpRequest.newBuilder(settings.eventEndpoint())
        .timeout(settings.timeout())
        .header("Authorization", "Splunk " + settings.token())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Timeouts, refused and reset connections: the collector may be back in a moment.
      throw DeliveryException.retryable("HEC request failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retryable("interrupted posting to HEC", e);
    }
    int status = response.statusCode();
    String answer = describe(response.body());
    if (status == 200) {
      return;
    }
    String message = "HEC answered " + status + answer;
    if (status == 429 || status == 503) {
      Optional<Duration> wait = retryAfter(response);
      throw wait.isPresent() ? DeliveryException.retryAfter(message, wait.get())
          : DeliveryException.retryable(message, null);
    }
    if (status >= 500) {
      throw DeliveryException.retryable(message, null);
    }
    throw DeliveryException.permanent(message, null);
  }

  /** {@code : <text> (code N)} from a HEC answer, or nothing when it is not one. */
  private static String describe(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.has("text")) {
        // Redacted before the cut: a cut through a secret would leave a piece no redactor recognises.
        String text = Redactor.redact(node.get("text").asText());
        // HEC's texts are short; anything longer is not HEC's (a proxy's page, an echo of our request).
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        return ": " + text + " (code " + node.path("code").asText() + ")";
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: say nothing more
    }
    return "";
  }

  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }
}
