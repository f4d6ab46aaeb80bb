package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.SnapshotSink;
import java.time.Instant;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * {@code AWS::IAM::Policy} for every customer managed policy (ListPolicies scope Local), shaped as
 * AWS Config records it. {@code policyVersionList} holds the default version only (one
 * GetPolicyVersion per policy): practice 1 reads nothing else, and every other version would cost a
 * call. resourceId = the policy id, as in AWS Config.
 */
final class PolicyCollector extends IamCollector {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;


  PolicyCollector(Integer pageSize) {
    super("iam.policies", IamTypes.POLICY, pageSize);
  }




  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    IamClient iam = context.clients().iam();
    iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL).maxItems(pageSize)).policies()
        .forEach(policy -> {
          PolicyVersion version = iam.getPolicyVersion(r -> r.policyArn(policy.arn())
              .versionId(policy.defaultVersionId())).policyVersion();
          sink.accept(context.snapshot(AccountFact.GLOBAL_REGION, IamTypes.POLICY, policy.policyId())
              .arn(policy.arn())
              .name(policy.policyName())
              .configuration(configuration(policy, version))
              .build());
        });
  }

  static ObjectNode configuration(Policy policy, PolicyVersion version) {
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
