package io.compliancestreams.streams.practices.cloudtrail;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/**
 * Practice 13 (CloudTrail.2): the trail encrypts its log files with a KMS key (SSE-KMS). The key's
 * own state is practice 25's concern.
 */
public final class TrailEncryptedWithKms implements Practice {

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          13,
          "CloudTrail.2",
          "CloudTrail should have encryption at-rest enabled",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(ResourceTypes.CLOUDTRAIL_TRAIL),
          TrailEvents.TRAIL_CHANGES,
          List.of(),
          "Create a symmetric KMS key whose key policy lets cloudtrail.amazonaws.com encrypt and "
              + "your auditors decrypt, then attach it with 'aws cloudtrail update-trail --name "
              + "<trail> --kms-key-id <key-arn>'. Log files are then encrypted with SSE-KMS instead "
              + "of the bucket's default, and reading them requires kms:Decrypt on that key.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-2"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    Trail trail = Trail.of(input.item());
    ConfigurationItem item = trail.item();
    int n = METADATA.number();
    String elsewhere = TrailHome.elsewhere(trail);
    if (elsewhere != null) {
      return List.of(Evaluation.notApplicable(n, item.ref(), elsewhere));
    }
    String key = trail.kmsKeyId().filter(k -> !k.isBlank()).orElse(null);
    Evaluation result =
        key == null
            ? Evaluation.fail(
                n,
                item.ref(),
                "Trail " + item.displayName() + " does not encrypt its log files with a KMS key"
                    + " (kmsKeyId is not set)")
            : Evaluation.pass(
                n, item.ref(), "Trail " + item.displayName() + " encrypts its log files with KMS key " + key);
    return List.of(result);
  }
}
