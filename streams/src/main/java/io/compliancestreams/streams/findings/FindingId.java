package io.compliancestreams.streams.findings;

import io.compliancestreams.streams.practices.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable id of a finding: a hash of (practice, canonical resource key), so every instance,
 * replay and sink computes the same id for the same practice on the same resource.
 */
public final class FindingId {

  private FindingId() {}

  /** {@code p<NN>-<first 24 hex chars of SHA-256("<NN>|<resource key>")>}. */
  public static String of(int practice, ResourceRef resource) {
    String input = practice + "|" + resource.key();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
      return String.format("p%02d-", practice) + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
