package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.streams.practices.Practice;
import java.util.List;

/** The IAM practices, 1 to 8, in the article's order (inlined into the catalogue). */
public final class IamPractices {

  private IamPractices() {}

  public static List<Practice> all() {
    return List.of(
        new NoFullAdminPolicies(),
        new UsersHaveNoDirectPolicies(),
        new AccessKeysRotated(),
        new RootAccessKeyAbsent(),
        new ConsoleUsersHaveMfa(),
        new RootHardwareMfa(),
        new StrongPasswordPolicy(),
        new UnusedCredentialsRemoved());
  }
}
