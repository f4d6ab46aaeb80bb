package io.compliancestreams.ingest.collect.iam;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Every page of GetAccountAuthorizationDetails for the entity types asked: users with their inline
 * policy documents, group names, attached policies, boundary and tags; groups; customer managed
 * policies with every version's document. One call per page replaces the per-user and per-policy
 * detail calls (GetUser, ListUserPolicies, GetUserPolicy, ListGroupsForUser,
 * ListAttachedUserPolicies, GetPolicyVersion).
 */
record AuthorizationDetails(List<UserDetail> users, List<GroupDetail> groups, List<ManagedPolicyDetail> policies) {

  AuthorizationDetails {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    policies = List.copyOf(policies);
  }

  /** @param pageSize MaxItems per page, or null for IAM's default (100) */
  static AuthorizationDetails read(IamClient iam, Integer pageSize, EntityType... filter) {
    List<UserDetail> users = new ArrayList<>();
    List<GroupDetail> groups = new ArrayList<>();
    List<ManagedPolicyDetail> policies = new ArrayList<>();
    for (GetAccountAuthorizationDetailsResponse page
        : iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(filter).maxItems(pageSize))) {
      users.addAll(page.userDetailList());
      groups.addAll(page.groupDetailList());
      policies.addAll(page.policies());
    }
    return new AuthorizationDetails(users, groups, policies);
  }
}
