package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.ResourceLocator.request;
import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_USER;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * IAM.2: a user gets permissions only through groups (or roles), never through a managed policy
 * attached to the user or an inline user policy. Group membership and a permissions boundary are
 * fine: a boundary limits, it grants nothing.
 */
public final class UsersHaveNoDirectPolicies implements Practice {

  static final int NUMBER = 2;

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          NUMBER,
          "IAM.2",
          "IAM users should not have IAM policies attached",
          Severity.LOW,
          Severity.LOW,
          Scope.RESOURCE,
          List.of(IAM_USER),
          UserTriggers.concat(
              List.of(
                  // Attaching or putting a policy makes the user fail whatever else it has.
                  EventTrigger.decisive(IAM_SOURCE, "AttachUserPolicy", IAM_USER, request("userName")),
                  EventTrigger.decisive(IAM_SOURCE, "PutUserPolicy", IAM_USER, request("userName")),
                  EventTrigger.rescan(IAM_SOURCE, "DetachUserPolicy", IAM_USER, request("userName")),
                  EventTrigger.rescan(IAM_SOURCE, "DeleteUserPolicy", IAM_USER, request("userName"))),
              UserTriggers.userLifecycle(IAM_USER)),
          List.of(),
          "Move the user's permissions to an IAM group that carries the same managed policies, add"
              + " the user to that group, then detach the managed policies from the user and delete"
              + " its inline policies. For workloads, prefer a role with temporary credentials over"
              + " a user.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    IamUser user = IamUser.of(input.item());
    ConfigurationItem item = user.item();
    List<String> direct = new ArrayList<>();
    user.attachedManagedPolicies().forEach(name -> direct.add("managed policy '" + name + "'"));
    user.inlinePolicies().forEach(name -> direct.add("inline policy '" + name + "'"));
    String who = "user '" + item.displayName() + "'";
    if (direct.isEmpty()) {
      return List.of(
          Evaluation.pass(NUMBER, item.ref(), who + " has no attached managed or inline policy"));
    }
    return List.of(
        Evaluation.fail(
            NUMBER, item.ref(), who + " has policies of its own: " + String.join(", ", direct)));
  }
}
