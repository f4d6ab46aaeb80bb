package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.SnapshotSink;
import java.time.Instant;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * {@code AWS::IAM::Policy} for every customer managed policy (GetAccountAuthorizationDetails with
 * filter LocalManagedPolicy, which carries every version's document: one call per page, none per
 * policy), shaped as AWS Config records it. {@code policyVersionList} holds the default version
 * only, as before: practice 1 reads nothing else. resourceId = the policy id, as in AWS Config.
 */
final class PolicyCollector extends IamCollector {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  PolicyCollector(Integer pageSize) {
    super("iam.policies", IamTypes.POLICY, pageSize);
  }


  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    IamClient iam = context.clients().iam();
    for (ManagedPolicyDetail policy
        : AuthorizationDetails.read(iam, pageSize, EntityType.LOCAL_MANAGED_POLICY).policies()) {
      sink.accept(context.snapshot(AccountFact.GLOBAL_REGION, IamTypes.POLICY, policy.policyId())
          .arn(policy.arn())
          .name(policy.policyName())
          .configuration(configuration(policy, defaultVersion(policy)))
          .build());
    }
  }

  /** The default version; IAM lists it among the versions (an empty one if it ever did not). */
  private static PolicyVersion defaultVersion(ManagedPolicyDetail policy) {
    return policy.policyVersionList().stream()
        .filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()) || policy.defaultVersionId() != null
            && policy.defaultVersionId().equals(v.versionId()))
        .findFirst()
        .orElse(PolicyVersion.builder().versionId(policy.defaultVersionId()).isDefaultVersion(true).build());
  }

  static ObjectNode configuration(ManagedPolicyDetail policy, PolicyVersion version) {
    ObjectNode c = NODES.objectNode();
    c.put("policyName", policy.policyName());
    c.put("policyId", policy.policyId());
    c.put("arn", policy.arn());
    c.put("defaultVersionId", policy.defaultVersionId());
    c.put("attachmentCount", policy.attachmentCount());
    c.put("permissionsBoundaryUsageCount", policy.permissionsBoundaryUsageCount());
    c.put("isAttachable", policy.isAttachable());
    c.put("description", policy.description());
    c.put("createDate", iso(policy.createDate()));
    c.put("updateDate", iso(policy.updateDate()));
    c.put("path", policy.path());
    ObjectNode v = c.putArray("policyVersionList").addObject();
    v.put("document", PolicyDocuments.urlEncoded(version.document()));
    v.put("versionId", version.versionId());
    v.put("isDefaultVersion", version.isDefaultVersion());
    v.put("createDate", iso(version.createDate()));
    return c;
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
