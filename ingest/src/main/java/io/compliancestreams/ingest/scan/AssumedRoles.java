package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.CallCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Accounts reached by assuming a role in each (STS AssumeRole with the base credentials, refreshed
 * before expiry). Keep it open for as long as its targets are scanned; closing stops the refresh
 * and closes the STS client.
 */
public final class AssumedRoles implements AutoCloseable {

  /** A role to assume; {@code externalId} may be null. */
  public record Role(String roleArn, String externalId) {
    public Role {
      Objects.requireNonNull(roleArn, "roleArn");
    }
  }

  private static final String SESSION_NAME = "compliance-streams-scan";

  private final AwsClients stsClients;
  private final List<StsAssumeRoleCredentialsProvider> providers;
  private final List<AccountTarget> targets;

  private AssumedRoles(AwsClients stsClients, List<StsAssumeRoleCredentialsProvider> providers,
      List<AccountTarget> targets) {
    this.stsClients = stsClients;
    this.providers = providers;
    this.targets = targets;
  }

  /** One target per role; STS is called in {@code region} with the base settings' credentials. */
  public static AssumedRoles of(AwsSettings base, String region, List<Role> roles) {
    AwsClients sts = AwsClients.create(base, region, new CallCounter());
    List<StsAssumeRoleCredentialsProvider> providers = new ArrayList<>();
    List<AccountTarget> targets = new ArrayList<>();
    for (Role role : roles) {
      StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
          .stsClient(sts.sts())
          .refreshRequest(r -> r.roleArn(role.roleArn()).roleSessionName(SESSION_NAME)
              .externalId(role.externalId()))
          .build();
      providers.add(provider);
      targets.add(new AccountTarget(role.roleArn(), base.withCredentials(provider)));
    }
    return new AssumedRoles(sts, List.copyOf(providers), List.copyOf(targets));
  }

  public List<AccountTarget> targets() {
    return targets;
  }

  @Override
  public void close() {
    providers.forEach(StsAssumeRoleCredentialsProvider::close);
    stsClients.close();
  }
}
