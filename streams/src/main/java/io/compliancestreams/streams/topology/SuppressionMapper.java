package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.streams.findings.SuppressionRule;

/**
 * The one mapper from the suppression contract (Avro) to the rule the topology applies, shared by
 * the global store's loader and the audit that dead-letters what the loader cannot use.
 */
final class SuppressionMapper {

  private SuppressionMapper() {}

  /** @throws IllegalArgumentException when the entry would match every finding */
  static SuppressionRule toRule(Suppression s) {
    return new SuppressionRule(s.getSuppressionId(), s.getFindingId(), s.getPractice(),
        s.getAccountId(), s.getRegion(), s.getResourceArnGlob(), s.getReason(), s.getOwner(),
        s.getExpiresAt(), s.getCreatedAt());
  }
}
