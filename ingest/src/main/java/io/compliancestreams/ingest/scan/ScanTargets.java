package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.CallCounter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The accounts a full scan covers: the base credentials' own, the configured roles, and, with
 * organization discovery on, a role in every other ACTIVE account of the organization. Discovery
 * runs again for every scan, so an account that joins the organization is scanned by the next
 * resync and one that leaves is no longer scanned (its findings are not deleted: a scope that does
 * not run derives nothing).
 *
 * <pre>{@code
 * ScanResult result = targets.scan(accounts -> scanner.scan(accounts, sink, progress));
 * }</pre>
 */
public final class ScanTargets {

  private final AwsSettings base;
  private final String homeRegion;
  private final List<String> roleArns;
  private final String externalId;
  private final OrganizationAccounts organization;

  /**
   * @param roleArns roles to assume besides the discovered ones
   * @param externalId sent with every AssumeRole, discovered roles included; may be null
   * @param organization how to discover the organization's accounts; null = no discovery
   */
  public ScanTargets(AwsSettings base, String homeRegion, List<String> roleArns, String externalId,
      OrganizationAccounts organization) {
    this.base = Objects.requireNonNull(base, "base");
    this.homeRegion = Objects.requireNonNull(homeRegion, "homeRegion");
    this.roleArns = List.copyOf(roleArns);
    this.externalId = externalId;
    this.organization = organization;
  }

  /**
   * Discovers the accounts, hands them to {@code scan} (the base account first, then one target
   * per role) and closes the assumed-role credentials once it returns.
   */
  public <R> R scan(Function<List<AccountTarget>, R> scan) {
    List<String> roles = roleArns();
    if (roles.isEmpty()) {
      return scan.apply(List.of(AccountTarget.of(base)));
    }
    try (AssumedRoles assumed = AssumedRoles.of(base, homeRegion,
        roles.stream().map(arn -> new AssumedRoles.Role(arn, externalId)).toList())) {
      List<AccountTarget> targets = new ArrayList<>();
      targets.add(AccountTarget.of(base));
      targets.addAll(assumed.targets());
      return scan.apply(List.copyOf(targets));
    }
  }

  /**
   * The configured roles, then the discovered ones not already configured (organization discovery
   * calls ListAccounts each time).
   */
  public List<String> roleArns() {
    Set<String> roles = new LinkedHashSet<>(roleArns);
    if (organization != null) {
      try (AwsClients clients = AwsClients.create(base, homeRegion, new CallCounter())) {
        roles.addAll(organization.roleArns(clients));
      }
    }
    return List.copyOf(roles);
  }
}
