package io.compliancestreams.sinks.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Slack sink posts. {@code webhookUrl} and {@code botToken} are secrets: they never appear
 * in {@link #toString()}, in logs or in exception messages (validation names the field only).
 *
 * @param mode WEBHOOK (default: POST to an incoming webhook) or BOT ({@code chat.postMessage})
 * @param webhookUrl the incoming webhook URL (WEBHOOK mode)
 * @param botToken the bot token {@code xoxb-…} (BOT mode)
 * @param channel the channel id or name to post to (BOT mode; a webhook has its own channel)
 * @param apiBaseUrl the Web API base, {@code https://slack.com/api/} (BOT mode)
 * @param dashboardBaseUrl links point to this base plus the finding id; the digest to the base
 * @param notifyResolutions also post RESOLVED / CLOSED (and a failure that left FAIL/ERROR)
 * @param burstThreshold N: more than N messages within {@code burstWindow} start a digest
 * @param burstWindow W, the sliding window the burst threshold counts in
 * @param digestResources K, how many resources a digest lists by name
 * @param digestLinger how long a digest collects before it goes out (the last burst's deltas wait
 *     at most this long)
 * @param minInterval pacing: the minimum gap between two messages to the channel
 * @param connectTimeout HTTP connect timeout
 * @param requestTimeout HTTP request timeout (a timeout is retried)
 */
public record SlackSettings(
    Mode mode,
    URI webhookUrl,
    String botToken,
    String channel,
    URI apiBaseUrl,
    URI dashboardBaseUrl,
    boolean notifyResolutions,
    int burstThreshold,
    Duration burstWindow,
    int digestResources,
    Duration digestLinger,
    Duration minInterval,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** Where messages go. */
  public enum Mode { WEBHOOK, BOT }

  public static final URI DEFAULT_API_BASE_URL = URI.create("https://slack.com/api/");
  public static final int DEFAULT_BURST_THRESHOLD = 5;
  public static final Duration DEFAULT_BURST_WINDOW = Duration.ofSeconds(60);
  public static final int DEFAULT_DIGEST_RESOURCES = 10;
  public static final Duration DEFAULT_DIGEST_LINGER = Duration.ofSeconds(10);
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  public SlackSettings {
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.WEBHOOK) {
      requireHttp(webhookUrl, "webhookUrl");
    } else {
      if (botToken == null || botToken.isBlank()) {
        throw new IllegalArgumentException("botToken is required in BOT mode");
      }
      if (channel == null || channel.isBlank()) {
        throw new IllegalArgumentException("channel is required in BOT mode");
      }
      requireHttp(apiBaseUrl, "apiBaseUrl");
    }
    requireHttp(dashboardBaseUrl, "dashboardBaseUrl");
    if (burstThreshold < 1) {
      throw new IllegalArgumentException("burstThreshold must be at least 1, was " + burstThreshold);
    }
    if (digestResources < 0) {
      throw new IllegalArgumentException("digestResources must not be negative, was " + digestResources);
    }
    requirePositive(burstWindow, "burstWindow");
    requireNotNegative(digestLinger, "digestLinger");
    requireNotNegative(minInterval, "minInterval");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
  }

  /** Incoming-webhook mode with the defaults. */
  public static SlackSettings webhook(URI webhookUrl, URI dashboardBaseUrl) {
    return new SlackSettings(Mode.WEBHOOK, webhookUrl, null, null, DEFAULT_API_BASE_URL,
        dashboardBaseUrl, false, DEFAULT_BURST_THRESHOLD, DEFAULT_BURST_WINDOW,
        DEFAULT_DIGEST_RESOURCES, DEFAULT_DIGEST_LINGER, DEFAULT_MIN_INTERVAL,
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  /** Bot-token mode ({@code chat.postMessage}, threads per finding) with the defaults. */
  public static SlackSettings bot(String botToken, String channel, URI dashboardBaseUrl) {
    return new SlackSettings(Mode.BOT, null, botToken, channel, DEFAULT_API_BASE_URL,
        dashboardBaseUrl, false, DEFAULT_BURST_THRESHOLD, DEFAULT_BURST_WINDOW,
        DEFAULT_DIGEST_RESOURCES, DEFAULT_DIGEST_LINGER, DEFAULT_MIN_INTERVAL,
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public SlackSettings withApiBaseUrl(URI url) {
    return new SlackSettings(mode, webhookUrl, botToken, channel, url, dashboardBaseUrl,
        notifyResolutions, burstThreshold, burstWindow, digestResources, digestLinger, minInterval,
        connectTimeout, requestTimeout);
  }

  public SlackSettings withNotifyResolutions(boolean notify) {
    return new SlackSettings(mode, webhookUrl, botToken, channel, apiBaseUrl, dashboardBaseUrl,
        notify, burstThreshold, burstWindow, digestResources, digestLinger, minInterval,
        connectTimeout, requestTimeout);
  }

  public SlackSettings withNoiseControl(int threshold, Duration window, int resources, Duration linger) {
    return new SlackSettings(mode, webhookUrl, botToken, channel, apiBaseUrl, dashboardBaseUrl,
        notifyResolutions, threshold, window, resources, linger, minInterval,
        connectTimeout, requestTimeout);
  }

  public SlackSettings withMinInterval(Duration interval) {
    return new SlackSettings(mode, webhookUrl, botToken, channel, apiBaseUrl, dashboardBaseUrl,
        notifyResolutions, burstThreshold, burstWindow, digestResources, digestLinger, interval,
        connectTimeout, requestTimeout);
  }

  public SlackSettings withTimeouts(Duration connect, Duration request) {
    return new SlackSettings(mode, webhookUrl, botToken, channel, apiBaseUrl, dashboardBaseUrl,
        notifyResolutions, burstThreshold, burstWindow, digestResources, digestLinger, minInterval,
        connect, request);
  }

  /** The secrets this configuration holds, for scrubbing text that might echo them. */
  Secrets secrets() {
    return mode == Mode.WEBHOOK ? Secrets.of(webhookUrl.toString(), webhookUrl.getRawPath())
        : Secrets.of(botToken);
  }

  @Override
  public String toString() {
    return "SlackSettings[mode=" + mode
        + ", webhookUrl=" + (webhookUrl == null ? "none" : "(redacted)")
        + ", botToken=" + (botToken == null ? "none" : "(redacted)")
        + ", channel=" + channel
        + ", apiBaseUrl=" + apiBaseUrl
        + ", dashboardBaseUrl=" + dashboardBaseUrl
        + ", notifyResolutions=" + notifyResolutions
        + ", burstThreshold=" + burstThreshold
        + ", burstWindow=" + burstWindow
        + ", digestResources=" + digestResources
        + ", digestLinger=" + digestLinger
        + ", minInterval=" + minInterval
        + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + "]";
  }

  private static void requireHttp(URI uri, String field) {
    if (uri == null || !uri.isAbsolute()
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      // Never echo the value: for webhookUrl it is the secret itself.
      throw new IllegalArgumentException(field + " must be an absolute http(s) URL");
    }
  }

  private static void requirePositive(Duration d, String field) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(field + " must be a positive duration");
    }
  }

  private static void requireNotNegative(Duration d, String field) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative");
    }
  }
}
