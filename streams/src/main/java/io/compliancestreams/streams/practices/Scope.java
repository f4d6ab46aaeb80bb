package io.compliancestreams.streams.practices;

/** How many results a practice gives: one per resource, per account and region, or per account. */
public enum Scope {
  RESOURCE,
  REGION,
  ACCOUNT
}
