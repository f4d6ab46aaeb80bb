package io.compliancestreams.streams.cloudtrail;

/**
 * What an {@link EventTarget}'s identifier is, so the topology knows whether it is the snapshot's
 * resourceId or must be resolved through its alias index.
 */
public enum IdentifierKind {
  /** The snapshot's resourceId (an id, or the account id for account-level snapshots). */
  ID,
  /** The resource's name (the snapshot's resourceName), e.g. an IAM user name or bucket name. */
  NAME,
  /** The resource's ARN. */
  ARN;

  /** ARN when the value says so, else the kind the locator suggests. */
  static IdentifierKind of(String identifier, IdentifierKind suggested) {
    return identifier != null && identifier.startsWith("arn:") ? ARN : suggested;
  }
}
