package io.compliancestreams.streams.state;

import io.compliancestreams.streams.practices.ConfigurationItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One value of the {@code resource-state} store: a small header the snapshot path reads on every
 * record, and the {@link ResourceState} as opaque JSON bytes it decodes only when it evaluates.
 *
 * <p>Most snapshots repeat what is stored (a resync re-sends every resource), so an unchanged one
 * costs a header compare and a put of the header with its newer capture time and the same body
 * bytes: no JSON, no evaluation. The header's capture time and configuration state id are the
 * resource's, the body's item may carry older ones ({@link #state()} puts the header's back).
 *
 * @param captureTime the newest snapshot's capture time (the ordering guard compares with it)
 * @param configurationStateId the newest snapshot's AWS Config state id
 * @param contentHash {@link #UNKNOWN}, or the hash of the stored item's snapshot content (capture
 *     time, state id and scan id left out); unknown after a CloudTrail patch or for values written
 *     before the header existed, so the next snapshot is evaluated
 * @param catalogueHash the practice catalogue the findings were evaluated with
 * @param recheckAt the next time-based re-evaluation, or null
 * @param body the JSON of the ResourceState (an array: compared by reference, never mutated)
 */
public record StoredResource(Instant captureTime, String configurationStateId, long contentHash,
    long catalogueHash, Instant recheckAt, byte[] body) {

  /** A content hash no snapshot has: the next snapshot is evaluated whatever it holds. */
  public static final long UNKNOWN = 0L;

  /** Encodes a state with its fingerprints. */
  public static StoredResource of(ResourceState state, long contentHash, long catalogueHash) {
    try {
      return new StoredResource(state.item().captureTime(), state.item().configurationStateId(),
          contentHash, catalogueHash, state.recheckAt(), JsonSerde.MAPPER.writeValueAsBytes(state));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the resource state of " + state.item().key(), e);
    }
  }

  /** Decodes the body, with the header's capture time and state id on the item. */
  public ResourceState state() {
    ResourceState s;
    try {
      s = JsonSerde.MAPPER.readValue(body, ResourceState.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a resource state", e);
    }
    ConfigurationItem i = s.item();
    if (i == null || (java.util.Objects.equals(i.captureTime(), captureTime)
        && java.util.Objects.equals(i.configurationStateId(), configurationStateId))) {
      return s;
    }
    ConfigurationItem newest = new ConfigurationItem(i.accountId(), i.awsRegion(), i.resourceType(),
        i.resourceId(), i.arn(), i.resourceName(), captureTime, i.status(), configurationStateId,
        i.tags(), i.relationships(), i.configuration(), i.supplementaryConfiguration());
    return new ResourceState(newest, s.findings(), s.evaluatedAt(), s.recheckAt());
  }

  /** The same resource seen again, unchanged, in a newer snapshot: only the header moves. */
  public StoredResource touched(Instant newCaptureTime, String newStateId) {
    return new StoredResource(newCaptureTime, newStateId, contentHash, catalogueHash, recheckAt, body);
  }
}
