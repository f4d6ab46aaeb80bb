package io.compliancestreams.sinks.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.net.URI;
import java.util.Optional;

/**
 * An incoming webhook: POST {@code {"text", "blocks"}}; Slack answers 200 {@code ok}, or a 4xx with
 * a plain-text reason ({@code invalid_payload}, {@code no_text}, 404 {@code channel_not_found},
 * 410 {@code channel_is_archived}, 403 {@code action_prohibited}). A webhook returns no message
 * ts, so it cannot thread.
 */
final class WebhookPoster implements SlackPoster {

  private final ObjectMapper json;
  private final SlackHttp http;
  private final URI url;

  WebhookPoster(ObjectMapper json, SlackHttp http, URI url) {
    this.json = json;
    this.http = http;
    this.url = url;
  }

  @Override
  public Optional<MessageRef> post(SlackMessage message, Optional<MessageRef> thread, boolean broadcast)
      throws DeliveryException {
    ObjectNode body = json.createObjectNode();
    body.put("text", message.text());
    body.set("blocks", message.blocks());
    body.put("unfurl_links", false);
    body.put("unfurl_media", false);
    http.postJson(url, body.toString(), Optional.empty(), "Slack webhook");
    return Optional.empty();
  }
}
