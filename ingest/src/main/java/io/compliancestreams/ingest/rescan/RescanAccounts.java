package io.compliancestreams.ingest.rescan;

import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.scan.AccountTarget;
import io.compliancestreams.ingest.scan.AssumedRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The AWS clients that reach the account a rescan request names: the base credentials for their
 * own account, an assumed role for an account among the scan's roles (configured or discovered in
 * the organization). A request for any other account — an organization trail or a shared event bus
 * delivers other accounts' events too — throws {@link UnreachableAccountException}: fetching it
 * with the wrong credentials would find nothing and report the resource deleted.
 *
 * <pre>{@code
 * RescanAccounts accounts = new RescanAccounts(base, "us-east-1", targets::roleArns, externalId, calls);
 * AwsClients clients = accounts.clients("222233334444", "eu-west-1");
 * }</pre>
 */
public final class RescanAccounts implements AutoCloseable {

  /** How stale the role list may be before a request for an unknown account looks it up again. */
  static final Duration ROLES_REFRESH = Duration.ofMinutes(5);

  /** A rescan names an account these credentials cannot reach. */
  public static final class UnreachableAccountException extends IllegalStateException {
    UnreachableAccountException(String message) {
      super(message);
    }
  }

  private final AwsSettings base;
  private final String homeRegion;
  private final Supplier<List<String>> roleArns;
  private final String externalId;
  private final CallCounter calls;
  private final Clock clock;
  private final AwsClients home;
  private final Map<String, AwsClients> clients = new ConcurrentHashMap<>();
  private final Map<String, AssumedRoles> assumed = new ConcurrentHashMap<>();
  private final List<AwsClients> opened = new ArrayList<>();
  private volatile String baseAccount;
  private volatile List<String> roles;
  private volatile Instant rolesReadAt = Instant.MIN;

  public RescanAccounts(AwsSettings base, String homeRegion, Supplier<List<String>> roleArns, String externalId,
      CallCounter calls) {
    this(base, homeRegion, roleArns, externalId, calls, Clock.systemUTC());
  }

  RescanAccounts(AwsSettings base, String homeRegion, Supplier<List<String>> roleArns, String externalId,
      CallCounter calls, Clock clock) {
    this.base = base;
    this.homeRegion = homeRegion;
    this.roleArns = roleArns;
    this.externalId = externalId;
    this.calls = calls;
    this.clock = clock;
    this.home = AwsClients.create(base, homeRegion, calls);
  }

  /** Clients for {@code accountId} in {@code region}; throws for an account out of reach. */
  public AwsClients clients(String accountId, String region) {
    return clients.computeIfAbsent(accountId + "|" + region, k -> open(accountId, region));
  }

  private AwsClients open(String accountId, String region) {
    if (accountId.equals(baseAccount())) {
      return home.inRegion(region);
    }
    String role = roleFor(accountId).orElseThrow(() -> new UnreachableAccountException("account " + accountId
        + " is neither this ingest's own account (" + baseAccount() + ") nor one of its roles"
        + " (ingest.assume.role.arns, ingest.organization.role.name): rescan skipped, the resource keeps"
        + " its last snapshot"));
    AssumedRoles roleCredentials = assumed.computeIfAbsent(accountId,
        a -> AssumedRoles.of(base, homeRegion, List.of(new AssumedRoles.Role(role, externalId))));
    AccountTarget target = roleCredentials.targets().get(0);
    AwsClients opened = AwsClients.create(target.settings(), region, calls);
    synchronized (this.opened) {
      this.opened.add(opened);
    }
    return opened;
  }

  private String baseAccount() {
    if (baseAccount == null) {
      baseAccount = home.sts().getCallerIdentity().account();
    }
    return baseAccount;
  }

  /** The role whose ARN names the account, re-reading the list when it may be stale. */
  private Optional<String> roleFor(String accountId) {
    Optional<String> known = find(roles, accountId);
    if (known.isPresent() || !clock.instant().isAfter(rolesReadAt.plus(ROLES_REFRESH))) {
      return known;
    }
    roles = List.copyOf(roleArns.get());
    rolesReadAt = clock.instant();
    return find(roles, accountId);
  }

  private static Optional<String> find(List<String> roles, String accountId) {
    if (roles == null) {
      return Optional.empty();
    }
    // arn:<partition>:iam::<account>:role/<name>
    return roles.stream().filter(arn -> {
      String[] parts = arn.split(":", 6);
      return parts.length == 6 && parts[4].equals(accountId);
    }).findFirst();
  }

  @Override
  public void close() {
    synchronized (opened) {
      opened.forEach(AwsClients::close);
    }
    assumed.values().forEach(AssumedRoles::close);
    home.close();
  }
}
