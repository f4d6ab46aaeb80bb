package io.compliancestreams.streams.practices.kms;


import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/**
 * Practice 25 (KMS.3): a customer managed KMS key must not be scheduled for deletion ({@code
 * keyState} {@code PendingDeletion}, or {@code PendingReplicaDeletion} for a multi-Region replica).
 * A disabled key passes: disabling is reversible, deletion is not. AWS managed keys cannot be
 * scheduled for deletion and are not applicable.
 */
public final class KmsKeyNotPendingDeletion implements Practice {

  public static final String KEY = "AWS::KMS::Key";
  private static final String KMS = "kms.amazonaws.com";

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          25,
          "KMS.3",
          "AWS KMS keys should not be deleted unintentionally",
          Severity.MEDIUM,
          Severity.CRITICAL,
          Scope.RESOURCE,
          List.of(KEY),
          List.of(
              // The request's keyId may be an alias; the response and resources[] carry the ARN.
              EventTrigger.decisive(
                  KMS,
                  "ScheduleKeyDeletion",
                  KEY,
                  ResourceLocator.response("keyId"),
                  ResourceLocator.resources(KEY),
                  ResourceLocator.request("keyId")),
              EventTrigger.decisive(
                  KMS,
                  "CancelKeyDeletion",
                  KEY,
                  ResourceLocator.response("keyId"),
                  ResourceLocator.resources(KEY),
                  ResourceLocator.request("keyId")),
              EventTrigger.rescan(
                  KMS,
                  "DeleteKey",
                  KEY,
                  ResourceLocator.resources(KEY),
                  ResourceLocator.request("keyId"))),
          List.of(),
          "If the deletion was not intended, cancel it before the waiting period ends (console or"
              + " 'aws kms cancel-key-deletion'); the key comes back disabled, so enable it again"
              + " if it is still in use. Before scheduling deletion, disable the key and watch"
              + " CloudTrail for failed uses, and restrict kms:ScheduleKeyDeletion to few"
              + " principals.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-3"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    KmsKey key = KmsKey.of(input.item());
    ResourceRef ref = key.item().ref();
    String id = key.item().resourceId();
    if (key.awsManaged()) {
      return List.of(
          Evaluation.notApplicable(
              25, ref, "Key " + id + " is AWS managed and cannot be scheduled for deletion"));
    }
    String state = key.state();
    String name = "Customer managed key " + id;
    String on = key.deletionDate().map(d -> " on " + d).orElse("");
    return switch (state) {
      case "PendingDeletion" ->
          List.of(Evaluation.fail(25, ref, name + " is scheduled for deletion" + on));
      case "PendingReplicaDeletion" ->
          List.of(
              Evaluation.fail(
                  25,
                  ref,
                  name + " is a multi-Region primary waiting for its replicas' deletion" + on));
      default ->
          List.of(Evaluation.pass(25, ref, name + " is " + state + ", not scheduled for deletion"));
    };
  }
}
