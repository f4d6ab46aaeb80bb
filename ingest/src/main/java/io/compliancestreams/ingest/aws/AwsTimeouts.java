package io.compliancestreams.ingest.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an AWS API call may take, so that an endpoint that accepts connections and never answers
 * fails the call instead of holding a scan forever (the SDK sets no call timeout by default, and
 * with {@link AwsClients#MAX_ATTEMPTS} attempts of the HTTP client's 30 s socket timeout one call
 * could take five minutes).
 *
 * @param apiCall the whole call, retries and their backoff included ({@code apiCallTimeout})
 * @param apiCallAttempt one HTTP attempt ({@code apiCallAttemptTimeout}); also the HTTP client's
 *     socket timeout, and the bound of its connect timeout
 */
public record AwsTimeouts(Duration apiCall, Duration apiCallAttempt) {

  /**
   * Two minutes per call, 30 s per attempt: above what a real call takes even when throttled (the
   * adaptive retries' backoff is capped at 20 s), well below "it hangs".
   */
  public static final AwsTimeouts DEFAULTS = new AwsTimeouts(Duration.ofMinutes(2), Duration.ofSeconds(30));

  /** Connecting should take milliseconds; a few seconds covers a congested link. */
  static final Duration MAX_CONNECT = Duration.ofSeconds(10);

  public AwsTimeouts {
    Objects.requireNonNull(apiCall, "apiCall");
    Objects.requireNonNull(apiCallAttempt, "apiCallAttempt");
    if (apiCall.isNegative() || apiCall.isZero()) {
      throw new IllegalArgumentException("the API call timeout must be positive, got " + apiCall);
    }
    if (apiCallAttempt.isNegative() || apiCallAttempt.isZero()) {
      throw new IllegalArgumentException("the API call attempt timeout must be positive, got " + apiCallAttempt);
    }
  }

  Duration connect() {
    return apiCallAttempt.compareTo(MAX_CONNECT) < 0 ? apiCallAttempt : MAX_CONNECT;
  }
}
