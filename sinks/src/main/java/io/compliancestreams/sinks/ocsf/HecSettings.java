package io.compliancestreams.sinks.ocsf;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A Splunk HTTP Event Collector.
 *
 * @param baseUrl e.g. {@code https://splunk.example.com:8088}; events go to {@code /services/collector/event}
 * @param token the HEC token, sent as {@code Authorization: Splunk <token>}; never logged
 * @param index the index, or null for the token's default
 * @param source the {@code source} field, or null
 * @param maxBatchEvents events per request
 * @param timeout per request
 */
public record HecSettings(URI baseUrl, String token, String index, String source, int maxBatchEvents,
    Duration timeout) {

  public static final int DEFAULT_MAX_BATCH_EVENTS = 100;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public HecSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (baseUrl.getUserInfo() != null || (baseUrl.getRawAuthority() != null && baseUrl.getRawAuthority().contains("@"))) {
      throw new IllegalArgumentException("HEC URL must not carry credentials; use the token");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("HEC token must not be blank");
    }
    if (maxBatchEvents < 1) {
      throw new IllegalArgumentException("maxBatchEvents must be positive");
    }
    Objects.requireNonNull(timeout, "timeout");
  }

  public static HecSettings of(URI baseUrl, String token) {
    return new HecSettings(baseUrl, token, null, null, DEFAULT_MAX_BATCH_EVENTS, DEFAULT_TIMEOUT);
  }

  URI eventEndpoint() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/services/collector/event");
  }

  @Override
  public String toString() {
    return "HecSettings[host=" + baseUrl.getHost() + ", index=" + index + ", source=" + source
        + ", maxBatchEvents=" + maxBatchEvents + ", timeout=" + timeout + ", token=****]";
  }
}
