package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.ResourceLocator.request;
import static io.compliancestreams.streams.practices.ResourceLocator.response;
import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_POLICY;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * IAM.1: the default version of an attached customer managed policy must not allow {@code *} on
 * {@code *}. Unattached policies and policies used only as permissions boundaries are not
 * applicable (attached-only is the community reading — Prowler, Steampipe, CIS — AWS's text is
 * silent). A policy both attached and used as a boundary is evaluated.
 */
public final class NoFullAdminPolicies implements Practice {

  static final int NUMBER = 1;

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          NUMBER,
          "IAM.1",
          "IAM policies should not allow full \"*\" administrative privileges",
          Severity.HIGH,
          Severity.HIGH,
          Scope.RESOURCE,
          List.of(IAM_POLICY),
          List.of(
              EventTrigger.rescan(
                  IAM_SOURCE, "CreatePolicy", IAM_POLICY, response("policy.policyId"),
                  response("policy.arn"), request("policyArn")),
              // A new default version's document is in the request: it alone decides. With
              // setAsDefault false the default version, hence the status, does not change.
              EventTrigger.decisive(IAM_SOURCE, "CreatePolicyVersion", IAM_POLICY, request("policyArn")),
              EventTrigger.rescan(IAM_SOURCE, "SetDefaultPolicyVersion", IAM_POLICY, request("policyArn")),
              EventTrigger.rescan(IAM_SOURCE, "DeletePolicyVersion", IAM_POLICY, request("policyArn")),
              EventTrigger.rescan(IAM_SOURCE, "DeletePolicy", IAM_POLICY, request("policyArn")),
              // Attachment decides applicability. Permissions-boundary events are not listed:
              // an unattached policy is not applicable whether or not it is a boundary.
              EventTrigger.rescan(IAM_SOURCE, "AttachUserPolicy", IAM_POLICY, request("policyArn")),
              EventTrigger.rescan(IAM_SOURCE, "AttachGroupPolicy", IAM_POLICY, request("policyArn")),
              EventTrigger.rescan(IAM_SOURCE, "AttachRolePolicy", IAM_POLICY, request("policyArn")),
              EventTrigger.rescan(IAM_SOURCE, "DetachUserPolicy", IAM_POLICY, request("policyArn")),
              EventTrigger.rescan(IAM_SOURCE, "DetachGroupPolicy", IAM_POLICY, request("policyArn")),
              EventTrigger.rescan(IAM_SOURCE, "DetachRolePolicy", IAM_POLICY, request("policyArn"))),
          List.of(),
          "Replace the \"Allow * on *\" statement in the policy's default version with the actions"
              + " and resources the attached identities really need, by creating a new policy"
              + " version and making it the default. If an identity truly needs administrator"
              + " rights, attach the AWS managed AdministratorAccess policy to a role that people"
              + " assume with MFA, instead of keeping a custom full-admin policy.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1"));

  private static final String AWS_MANAGED_PREFIX = ":iam::aws:policy/";

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    IamPolicy policy = IamPolicy.of(input.item());
    ConfigurationItem item = policy.item();
    String name = policy.name();
    if (policy.arn().filter(arn -> arn.contains(AWS_MANAGED_PREFIX)).isPresent()) {
      return List.of(
          Evaluation.notApplicable(
              NUMBER, item.ref(), "policy '" + name + "' is AWS managed; IAM.1 covers customer managed policies only"));
    }
    int attachments = policy.attachmentCount();
    int boundaryUses = policy.permissionsBoundaryUsageCount();
    if (attachments == 0) {
      String why =
          boundaryUses > 0
              ? "is used only as a permissions boundary (" + boundaryUses + " use(s)), which IAM.1 excludes"
              : "is not attached to any user, group or role";
      return List.of(Evaluation.notApplicable(NUMBER, item.ref(), "policy '" + name + "' " + why));
    }
    IamPolicy.DefaultVersion version = policy.defaultVersion();
    List<PolicyDocument.Statement> admin = version.document().fullAdminStatements();
    String where = "default version " + version.versionId() + " of policy '" + name + "'";
    if (admin.isEmpty()) {
      return List.of(
          Evaluation.pass(
              NUMBER, item.ref(), where + " has no statement allowing Action '*' on Resource '*'"));
    }
    String offending =
        admin.stream().map(PolicyDocument.Statement::describeAdminGrant).collect(Collectors.joining("; "));
    return List.of(
        Evaluation.fail(
            NUMBER,
            item.ref(),
            where + " grants full administrator rights: " + offending
                + " (attached " + attachments + " time(s))"));
  }
}
