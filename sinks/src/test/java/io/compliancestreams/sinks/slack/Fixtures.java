package io.compliancestreams.sinks.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Settings and destinations pointed at a WireMock server, with fast timeouts and a fake clock. */
final class Fixtures {

  static final String WEBHOOK_PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
  static final String TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
  static final URI DASHBOARD = URI.create("https://dash.example.com");

  private Fixtures() {}

  static SlackSettings webhook(String baseUrl) {
    return SlackSettings.webhook(URI.create(baseUrl + WEBHOOK_PATH), DASHBOARD)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  static SlackSettings bot(String baseUrl) {
    return SlackSettings.bot(TOKEN, "#security-alerts", DASHBOARD)
        .withApiBaseUrl(URI.create(baseUrl + "/api/"))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  /** Shorter than the stubs' fixed delay, so a delayed answer is a timeout; long enough otherwise. */
  static SlackSettings impatient(SlackSettings settings) {
    return settings.withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
  }

  static SlackDestination destination(SlackSettings settings, ThreadLedger ledger, FakeTime time) {
    ObjectMapper json = new ObjectMapper();
    SlackHttp http = new SlackHttp(settings);
    SlackPoster poster = settings.mode() == SlackSettings.Mode.WEBHOOK
        ? new WebhookPoster(json, http, settings.webhookUrl())
        : new WebApiPoster(json, http, settings);
    return new SlackDestination(settings, poster, ledger, time, time);
  }

  /** A ledger over a plain map, standing in for the compacted topic (which has its own test). */
  static final class MapStore implements ThreadLedger.Store {
    final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String findingId) {
      return Optional.ofNullable(values.get(findingId));
    }

    @Override
    public void put(String findingId, String value) {
      values.put(findingId, value);
    }
  }
}
