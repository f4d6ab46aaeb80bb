package io.compliancestreams.ingest.aws;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * How to reach AWS.
 *
 * @param endpoint an explicit endpoint for every service (an emulator), or null to let the SDK
 *     resolve endpoints itself, which honours {@code AWS_ENDPOINT_URL} and the per-service
 *     {@code AWS_ENDPOINT_URL_<SERVICE>} variables
 * @param endpointOverriddenByEnvironment true when such variables are set (S3 then needs
 *     path-style addressing and S3 Control its account-id host prefix removed)
 * @param maxCallsPerSecondPerService a per-service call budget, so a scan of a large account does
 *     not trip API throttling (0 = unlimited)
 * @param timeouts how long a call and one attempt of it may take
 */
public record AwsSettings(
    URI endpoint,
    boolean endpointOverriddenByEnvironment,
    AwsCredentialsProvider credentials,
    int maxCallsPerSecondPerService,
    AwsTimeouts timeouts) {

  public AwsSettings {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timeouts, "timeouts");
    if (maxCallsPerSecondPerService < 0) {
      throw new IllegalArgumentException(
          "maxCallsPerSecondPerService must be 0 (unlimited) or more: " + maxCallsPerSecondPerService);
    }
  }

  /** Real AWS (or the endpoint variables), default credential chain, 20 calls/s per service. */
  public static AwsSettings fromEnvironment(Map<String, String> env) {
    boolean overridden = env.keySet().stream().anyMatch(k -> k.startsWith("AWS_ENDPOINT_URL"));
    return new AwsSettings(null, overridden, DefaultCredentialsProvider.builder().build(), 20, AwsTimeouts.DEFAULTS);
  }

  /** One endpoint for every service (tests against moto), with the given credentials. */
  public static AwsSettings emulator(URI endpoint, AwsCredentialsProvider credentials) {
    return new AwsSettings(endpoint, true, credentials, 0, AwsTimeouts.DEFAULTS);
  }

  /** The same endpoints and budget with other credentials (e.g. an assumed role). */
  public AwsSettings withCredentials(AwsCredentialsProvider other) {
    return new AwsSettings(endpoint, endpointOverriddenByEnvironment, other, maxCallsPerSecondPerService, timeouts);
  }

  /** The same settings with another per-service call budget (0 = unlimited). */
  public AwsSettings withMaxCallsPerSecondPerService(int value) {
    return new AwsSettings(endpoint, endpointOverriddenByEnvironment, credentials, value, timeouts);
  }

  /** The same settings with other call timeouts. */
  public AwsSettings withTimeouts(AwsTimeouts other) {
    return new AwsSettings(endpoint, endpointOverriddenByEnvironment, credentials, maxCallsPerSecondPerService, other);
  }

  /** One endpoint for every service (an AWS-compatible endpoint), with the default credential chain. */
  public static AwsSettings at(URI endpoint) {
    return emulator(endpoint, DefaultCredentialsProvider.builder().build());
  }

  public boolean endpointOverridden() {
    return endpoint != null || endpointOverriddenByEnvironment;
  }
}
