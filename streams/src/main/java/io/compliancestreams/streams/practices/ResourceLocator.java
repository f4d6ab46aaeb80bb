package io.compliancestreams.streams.practices;

import java.util.Objects;

/**
 * Where a CloudTrail event names the resource it affects.
 *
 * @param from which part of the event to read
 * @param path a dotted path inside that part (e.g. {@code bucketName},
 *     {@code CreateFlowLogsRequest.ResourceId.content}); empty for {@link From#ACCOUNT} and
 *     {@link From#ACCOUNT_REGION}
 */
public record ResourceLocator(From from, String path) {

  /** The parts of a CloudTrail record that can identify the affected resource. */
  public enum From {
    /** {@code requestParameters.<path>} */
    REQUEST_PARAMETERS,
    /** {@code responseElements.<path>} */
    RESPONSE_ELEMENTS,
    /** the {@code resources[]} array, entries whose {@code type} equals the path */
    RESOURCES,
    /** {@code userIdentity.<path>} (e.g. the caller's own user when no userName is given) */
    USER_IDENTITY,
    /** the account itself (recipientAccountId) */
    ACCOUNT,
    /** the account in the event's region (recipientAccountId, awsRegion) */
    ACCOUNT_REGION
  }

  public ResourceLocator {
    Objects.requireNonNull(from, "from");
    path = path == null ? "" : path;
  }

  public static ResourceLocator request(String path) {
    return new ResourceLocator(From.REQUEST_PARAMETERS, path);
  }

  public static ResourceLocator response(String path) {
    return new ResourceLocator(From.RESPONSE_ELEMENTS, path);
  }

  public static ResourceLocator resources(String type) {
    return new ResourceLocator(From.RESOURCES, type);
  }

  public static ResourceLocator userIdentity(String path) {
    return new ResourceLocator(From.USER_IDENTITY, path);
  }

  public static ResourceLocator account() {
    return new ResourceLocator(From.ACCOUNT, "");
  }

  public static ResourceLocator accountRegion() {
    return new ResourceLocator(From.ACCOUNT_REGION, "");
  }
}
