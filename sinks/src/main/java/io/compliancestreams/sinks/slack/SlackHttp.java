package io.compliancestreams.sinks.slack;

import io.compliancestreams.sinks.runner.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP exchange both posting modes share, and the failure classes the runner acts on: 429 →
 * retry after {@code Retry-After}; 5xx, timeouts and broken connections → retryable; other 4xx →
 * permanent. No message built here contains the URL or the token: causes are not chained (a JDK
 * message could name the URL) and every text is scrubbed of the secrets.
 */
final class SlackHttp {

  private static final int MAX_BODY_IN_MESSAGE = 200;

  private final HttpClient client;
  private final Duration requestTimeout;
  private final Secrets secrets;

  SlackHttp(SlackSettings settings) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.requestTimeout = settings.requestTimeout();
    this.secrets = settings.secrets();
  }

  /** POSTs JSON; returns the response when the status is 2xx, else throws the classified failure. */
  HttpResponse<String> postJson(URI uri, String json, Optional<String> bearerToken, String what)
      throws DeliveryException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    bearerToken.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw DeliveryException.retryable(what + ": timed out (" + e.getClass().getSimpleName() + ")", null);
    } catch (IOException e) {
      throw DeliveryException.retryable(what + ": connection failed (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage())) + ")", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retryable(what + ": interrupted", null);
    }
    int status = response.statusCode();
    if (status == 429) {
      Optional<Duration> wait = retryAfter(response);
      String message = what + ": HTTP 429 rate limited" + wait.map(w -> ", retry after " + w.toSeconds() + " s").orElse("");
      throw wait.isPresent() ? DeliveryException.retryAfter(message, wait.get())
          : DeliveryException.retryable(message, null);
    }
    if (status >= 500) {
      throw DeliveryException.retryable(what + ": HTTP " + status + " " + body(response), null);
    }
    if (status < 200 || status >= 300) {
      throw DeliveryException.permanent(what + ": HTTP " + status + " " + body(response), null);
    }
    return response;
  }

  String scrub(String text) {
    return secrets.scrub(text);
  }

  private String body(HttpResponse<String> response) {
    return Mrkdwn.cut(scrub(response.body()).strip(), MAX_BODY_IN_MESSAGE);
  }

  /** Slack sends whole seconds; an HTTP-date or garbage falls back to the runner's own backoff. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        long seconds = Long.parseLong(v.strip());
        return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }
}
