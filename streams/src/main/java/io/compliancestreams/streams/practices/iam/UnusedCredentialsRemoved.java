package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.ResourceLocator.request;
import static io.compliancestreams.streams.practices.ResourceLocator.userIdentity;
import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_USER_CREDENTIALS;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.ParameterSpec;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * IAM.8: a user's console password and active access keys have each been used within 90 days.
 * A credential's clock starts at its last use, or at its creation when it was never used (or was
 * last used before it was re-created): a never-used credential fails once it is older than 90
 * days, as Steampipe's FSBP query does (Prowler passes it; AWS is silent).
 */
public final class UnusedCredentialsRemoved implements Practice {

  static final int NUMBER = 8;

  static final ParameterSpec MAX_UNUSED =
      new ParameterSpec(
          "maxCredentialUsageAge", "90",
          "Days a console password or an active access key may go unused before it fails.");

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          NUMBER,
          "IAM.8",
          "Unused IAM user credentials should be removed",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(IAM_USER_CREDENTIALS),
          UserTriggers.concat(
              UserTriggers.accessKeyChanges(),
              List.of(
                  EventTrigger.rescan(
                      IAM_SOURCE, "CreateLoginProfile", IAM_USER_CREDENTIALS, request("userName")),
                  EventTrigger.rescan(
                      IAM_SOURCE, "DeleteLoginProfile", IAM_USER_CREDENTIALS, request("userName"))),
              UserTriggers.userLifecycle(IAM_USER_CREDENTIALS),
              // A console sign-in refreshes PasswordLastUsed. Calls signed by an access key are
              // any event at all and cannot be listed; the periodic resync catches key use.
              List.of(
                  EventTrigger.rescan(
                      "signin.amazonaws.com", "ConsoleLogin", IAM_USER_CREDENTIALS,
                      userIdentity("userName")))),
          List.of(MAX_UNUSED),
          "Find out whether anyone still needs the credential (CloudTrail, the access key's last"
              + " used service). If not, deactivate the access key or delete the login profile,"
              + " wait a little for complaints, then delete them; delete the user when it has no"
              + " credentials left. Keys that are needed but rarely used are better replaced by"
              + " roles.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-8"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    Duration max = input.parameters().days(MAX_UNUSED);
    Instant at = input.at();
    return List.of(
        UserCredentials.evaluate(NUMBER, METADATA.controlId(), input.item(), c -> rule(c, at, max)));
  }

  /** A credential and the instant its unused time counts from. */
  private record Usage(String label, Instant since, boolean everUsed) {

    static Usage of(String label, Instant created, Optional<Instant> lastUsed) {
      // A last use before the creation belongs to an earlier credential (a re-created password).
      boolean used = lastUsed.isPresent() && !lastUsed.get().isBefore(created);
      return new Usage(label, used ? lastUsed.get() : created, used);
    }

    String describe(Instant at) {
      return label + (everUsed ? " last used " : " never used since its creation ") + since
          + " (" + CredentialAge.describe(CredentialAge.age(since, at)) + " ago)";
    }
  }

  private static Evaluation rule(UserCredentials credentials, Instant at, Duration max) {
    String user = "user '" + credentials.userName() + "'";
    List<Usage> usages = new ArrayList<>();
    credentials
        .loginProfileCreated()
        .ifPresent(created -> usages.add(Usage.of("console password", created, credentials.passwordLastUsed())));
    for (UserCredentials.AccessKey key : credentials.activeKeys()) {
      usages.add(Usage.of("access key " + key.id(), key.created(), key.lastUsed()));
    }
    if (usages.isEmpty()) {
      return Evaluation.pass(
          NUMBER, credentials.user(), user + " has no console password and no active access key");
    }
    List<Usage> stale = usages.stream().filter(u -> CredentialAge.exceeds(u.since(), at, max)).toList();
    if (!stale.isEmpty()) {
      return Evaluation.fail(
          NUMBER,
          credentials.user(),
          user + " has credentials unused for more than " + max.toDays() + " days: "
              + stale.stream().map(u -> u.describe(at)).collect(Collectors.joining("; ")));
    }
    Usage next = usages.stream().min(Comparator.comparing(Usage::since)).orElseThrow();
    return Evaluation.pass(
            NUMBER,
            credentials.user(),
            user + " used every credential within " + max.toDays() + " days; the longest unused is "
                + next.describe(at))
        .withRecheckAt(CredentialAge.exceedsFrom(next.since(), max));
  }
}
