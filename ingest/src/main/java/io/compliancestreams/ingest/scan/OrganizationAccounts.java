package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Finds the other accounts of the caller's AWS Organization: Organizations ListAccounts (every
 * page) from the credentials' account, which must be the management account or a delegated
 * administrator. Keeps the ACTIVE accounts, drops the caller's own (the base credentials scan it)
 * and the excluded ones, and names the role to assume in each, in the caller's partition.
 *
 * <p>Discovery is best-effort: when the accounts cannot be listed (not the management account,
 * no permission, no organization) it logs one WARN line with the fix and finds nothing, so the
 * scan still covers the accounts it knows.
 */
public final class OrganizationAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationAccounts.class);

  /** IAM's role name syntax (the name only: no path). */
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final String roleName;
  private final Set<String> excludedAccounts;

  /**
   * Every ACTIVE account but the caller's.
   *
   * @param roleName the role to assume in each account, e.g. {@code ComplianceStreamsReadOnly}
   */
  public OrganizationAccounts(String roleName) {
    this(roleName, Set.of());
  }

  private OrganizationAccounts(String roleName, Set<String> excludedAccounts) {
    Objects.requireNonNull(roleName, "roleName");
    if (!ROLE_NAME.matcher(roleName).matches()) {
      throw new IllegalArgumentException("not an IAM role name (1-64 of letters, digits and +=,.@_-): '"
          + roleName + "'");
    }
    for (String id : excludedAccounts) {
      if (!ACCOUNT_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("not a 12-digit account id: '" + id + "'");
      }
    }
    this.roleName = roleName;
    this.excludedAccounts = Set.copyOf(excludedAccounts);
  }

  /** The same discovery, never returning these 12-digit account ids. */
  public OrganizationAccounts excluding(Set<String> accountIds) {
    return new OrganizationAccounts(roleName, accountIds);
  }

  /**
   * The role ARNs to scan, in ListAccounts order; empty, after one WARN line, when the caller
   * cannot list the organization's accounts.
   *
   * @param clients the base credentials' clients (STS and Organizations are called)
   */
  public List<String> roleArns(AwsClients clients) {
    String caller = "the credentials' account";
    try {
      GetCallerIdentityResponse me = clients.sts().getCallerIdentity();
      caller = "account " + me.account();
      String partition = me.arn().split(":", 3)[1];
      List<String> arns = new ArrayList<>();
      int listed = 0;
      for (ListAccountsResponse page : clients.organizations().listAccountsPaginator()) {
        for (Account account : page.accounts()) {
          listed++;
          if (active(account) && !account.id().equals(me.account()) && !excludedAccounts.contains(account.id())) {
            arns.add("arn:" + partition + ":iam::" + account.id() + ":role/" + roleName);
          }
        }
      }
      LOG.info("Organization discovery from {}: {} listed, {} to scan through role {}",
          caller, listed, arns.size(), roleName);
      return List.copyOf(arns);
    } catch (SdkException e) {
      LOG.warn("Organization discovery skipped, scanning only the configured accounts: {}", problem(caller, e));
      return List.of();
    }
  }

  /**
   * ACTIVE by the account's State (ACTIVE, not PENDING_ACTIVATION, SUSPENDED, PENDING_CLOSURE or
   * CLOSED). Status is the older field AWS announced it would retire on 2026-09-09 in favour of
   * State; it is read only when State is absent (older emulators, recorded responses).
   */
  private static boolean active(Account account) {
    if (account.stateAsString() != null) {
      return account.state() == AccountState.ACTIVE;
    }
    return account.status() == AccountStatus.ACTIVE;
  }

  /** What went wrong and what to do about it, in one line. */
  private static String problem(String caller, SdkException e) {
    String code = e instanceof AwsServiceException s && s.awsErrorDetails() != null
        && s.awsErrorDetails().errorCode() != null ? s.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
    String fix = switch (code) {
      case "AWSOrganizationsNotInUseException" ->
          caller + " is not in an AWS Organization; turn organization discovery off, or run from the"
              + " organization's management account";
      case "AccessDeniedException" ->
          caller + " may not list the organization's accounts; run from the management account or a"
              + " delegated administrator account, with organizations:ListAccounts allowed";
      default -> "organization discovery from " + caller + " failed";
    };
    return fix + " (" + code + ": " + e.getMessage() + ")";
  }
}
