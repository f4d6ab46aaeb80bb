package io.compliancestreams.sinks.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * {@code chat.postMessage} with a bot token in the Authorization header. Slack answers HTTP 200
 * with {@code {"ok":true,"channel":"C…","ts":"…"}} or {@code {"ok":false,"error":"…"}}; 429 with
 * Retry-After when rate limited. An {@code ok:false} is permanent except the errors Slack documents
 * as transient.
 */
final class WebApiPoster implements SlackPoster {

  /** ok:false errors worth retrying: Slack documents them as transient on its side. */
  private static final Set<String> TRANSIENT =
      Set.of("ratelimited", "rate_limited", "internal_error", "service_unavailable", "request_timeout");

  private final ObjectMapper json;
  private final SlackHttp http;
  private final URI endpoint;
  private final String token;
  private final String channel;

  WebApiPoster(ObjectMapper json, SlackHttp http, SlackSettings settings) {
    this.json = json;
    this.http = http;
    String base = settings.apiBaseUrl().toString();
    this.endpoint = URI.create(base + (base.endsWith("/") ? "" : "/") + "chat.postMessage");
    this.token = settings.botToken();
    this.channel = settings.channel();
  }

  @Override
  public Optional<MessageRef> post(SlackMessage message, Optional<MessageRef> thread, boolean broadcast)
      throws DeliveryException {
    ObjectNode body = json.createObjectNode();
    body.put("channel", thread.map(MessageRef::channel).orElse(channel));
    body.put("text", message.text());
    body.set("blocks", message.blocks());
    body.put("unfurl_links", false);
    body.put("unfurl_media", false);
    if (thread.isPresent()) {
      body.put("thread_ts", thread.get().ts());
      body.put("reply_broadcast", broadcast);
    }
    String answer = http.postJson(endpoint, body.toString(), Optional.of(token), "Slack chat.postMessage").body();
    JsonNode reply;
    try {
      reply = json.readTree(answer);
    } catch (JsonProcessingException e) {
      throw DeliveryException.retryable("Slack chat.postMessage: unreadable answer", null);
    }
    if (!reply.path("ok").asBoolean(false)) {
      String error = http.scrub(reply.path("error").asText("unknown_error"));
      String text = "Slack chat.postMessage: " + Mrkdwn.cut(error, 100);
      if (TRANSIENT.contains(error)) {
        throw DeliveryException.retryable(text, null);
      }
      throw DeliveryException.permanent(text, null);
    }
    String ts = reply.path("ts").asText("");
    String postedIn = reply.path("channel").asText("");
    if (ts.isEmpty() || postedIn.isEmpty()) {
      // Posted, but we cannot thread under it: not worth a retry (that would post twice).
      return Optional.empty();
    }
    return Optional.of(new MessageRef(postedIn, ts));
  }
}
