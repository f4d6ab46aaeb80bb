package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.Relationship;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.state.StoredResource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A 64-bit fingerprint of what a snapshot says about its resource: every field but the capture
 * time, the configuration state id, the scan id and the source, which change on every re-send of
 * an unchanged resource. Computed from the decoded Avro record, before any JSON is parsed.
 *
 * <p>SHA-256 rather than a fast non-cryptographic hash: tag values and names come from the
 * accounts we watch, and two contents with one fingerprint would hide a change; SHA-256 costs a few
 * microseconds per kilobyte, small beside an evaluation. Maps are hashed in key order and every
 * string with its length, so two different contents never write the same byte sequence.
 * One instance per stream task (not thread-safe).
 */
final class ContentHash {

  private final MessageDigest digest;
  private final ByteBuffer number = ByteBuffer.allocate(Integer.BYTES);

  ContentHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  long of(ResourceSnapshot s) {
    digest.reset();
    text(s.getAccountId());
    text(s.getAwsRegion());
    text(s.getResourceType());
    text(s.getResourceId());
    text(s.getArn());
    text(s.getResourceName());
    text(s.getConfigurationItemStatus().name());
    map(s.getTags());
    count(s.getRelationships().size());
    for (Relationship r : s.getRelationships()) {
      text(r.getResourceType());
      text(r.getResourceId());
      text(r.getResourceName());
      text(r.getRelationshipName());
    }
    text(s.getConfiguration());
    map(s.getSupplementaryConfiguration());
    long hash = ByteBuffer.wrap(digest.digest()).getLong();
    return hash == StoredResource.UNKNOWN ? 1L : hash;
  }

  private void map(Map<String, String> m) {
    count(m.size());
    new TreeMap<>(m).forEach((k, v) -> {
      text(k);
      text(v);
    });
  }

  private void text(CharSequence s) {
    if (s == null) {
      count(-1);
      return;
    }
    byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
    count(bytes.length);
    digest.update(bytes);
  }

  private void count(int n) {
    digest.update(number.clear().putInt(n).array());
  }
}
