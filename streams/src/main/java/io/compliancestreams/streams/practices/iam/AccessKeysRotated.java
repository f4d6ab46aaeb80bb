package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_USER_CREDENTIALS;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.ParameterSpec;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * IAM.3: every active access key of a user is at most 90 days old (exact duration from its
 * CreateDate; a key's secret cannot change, so its creation is its last rotation). Inactive keys
 * are ignored; a user without an active key passes. The root user's keys belong to IAM.4.
 */
public final class AccessKeysRotated implements Practice {

  static final int NUMBER = 3;

  static final ParameterSpec MAX_AGE =
      new ParameterSpec(
          "maxAccessKeyAge", "90", "Days an active access key may live before it must be rotated.");

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          NUMBER,
          "IAM.3",
          "IAM users' access keys should be rotated every 90 days or less",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(IAM_USER_CREDENTIALS),
          UserTriggers.concat(
              UserTriggers.accessKeyChanges(), UserTriggers.userLifecycle(IAM_USER_CREDENTIALS)),
          List.of(MAX_AGE),
          "Create a second access key for the user, move every application and script to it,"
              + " then deactivate the old key, watch for failures for a few days, and delete it."
              + " Better still, replace long-lived user keys with roles and temporary credentials"
              + " (IAM Identity Center, instance profiles, OIDC federation).",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-3"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    Duration max = input.parameters().days(MAX_AGE);
    Instant at = input.at();
    return List.of(
        UserCredentials.evaluate(NUMBER, METADATA.controlId(), input.item(), c -> rule(c, at, max)));
  }

  private static Evaluation rule(UserCredentials credentials, Instant at, Duration max) {
    String user = "user '" + credentials.userName() + "'";
    List<UserCredentials.AccessKey> active = credentials.activeKeys();
    if (active.isEmpty()) {
      return Evaluation.pass(NUMBER, credentials.user(), user + " has no active access key");
    }
    List<UserCredentials.AccessKey> stale =
        active.stream().filter(k -> CredentialAge.exceeds(k.created(), at, max)).toList();
    if (!stale.isEmpty()) {
      String keys = stale.stream().map(k -> describe(k, at)).collect(Collectors.joining("; "));
      return Evaluation.fail(
          NUMBER,
          credentials.user(),
          user + " has active access keys older than " + max.toDays() + " days: " + keys);
    }
    UserCredentials.AccessKey oldest =
        active.stream().min(Comparator.comparing(UserCredentials.AccessKey::created)).orElseThrow();
    return Evaluation.pass(
            NUMBER,
            credentials.user(),
            user + "'s oldest active access key " + describe(oldest, at) + ", within "
                + max.toDays() + " days")
        .withRecheckAt(CredentialAge.exceedsFrom(oldest.created(), max));
  }

  private static String describe(UserCredentials.AccessKey key, Instant at) {
    return key.id() + " is " + CredentialAge.describe(CredentialAge.age(key.created(), at))
        + " old (created " + key.created() + ")";
  }
}
