package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.RescanRequest;

/** What routing one CloudTrail event yields: rescan requests, and decisive changes by owner. */
sealed interface Routed {

  /** For the collectors: fetch this resource (or scope) again. */
  record Rescan(RescanRequest request) implements Routed {}

  /** For the resource state (record key = canonical resource key). */
  record ToResource(Change change) implements Routed {}

  /** For the account aggregate (record key = account id). */
  record ToScope(Change change) implements Routed {}
}
