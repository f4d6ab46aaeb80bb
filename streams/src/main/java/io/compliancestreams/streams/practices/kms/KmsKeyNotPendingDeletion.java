package io.compliancestreams.streams.practices.kms;

import static io.compliancestreams.streams.practices.ec2.ItemFields.requireObject;
import static io.compliancestreams.streams.practices.ec2.ItemFields.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.time.Instant;
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
    ConfigurationItem key = input.item();
    JsonNode config = requireObject(key.configuration(), "configuration");
    String keyManager = requiredText(config, "configuration", "keyManager");
    if (keyManager.equals("AWS")) {
      return List.of(
          Evaluation.notApplicable(
              25,
              key.ref(),
              "Key " + key.resourceId() + " is AWS managed and cannot be scheduled for deletion"));
    }
    String state = requiredText(config, "configuration", "keyState");
    String name = "Customer managed key " + key.resourceId();
    return switch (state) {
      case "PendingDeletion" ->
          List.of(
              Evaluation.fail(
                  25, key.ref(), name + " is scheduled for deletion" + deletionDate(config)));
      case "PendingReplicaDeletion" ->
          List.of(
              Evaluation.fail(
                  25,
                  key.ref(),
                  name
                      + " is a multi-Region primary waiting for its replicas' deletion"
                      + deletionDate(config)));
      default ->
          List.of(
              Evaluation.pass(
                  25, key.ref(), name + " is " + state + ", not scheduled for deletion"));
    };
  }

  /** The recorded deletion date, as ISO text or epoch milliseconds, or nothing when absent. */
  private static String deletionDate(JsonNode config) {
    JsonNode date = config.path("deletionDate");
    if (date.isTextual() && !date.asText().isBlank()) {
      return " on " + date.asText();
    }
    if (date.isIntegralNumber()) {
      return " on " + Instant.ofEpochMilli(date.longValue());
    }
    return "";
  }
}
