package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
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
    super("iam.policies", ResourceTypes.IAM_POLICY, pageSize);
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    IamClient iam = context.clients().iam();
    for (ManagedPolicyDetail policy
        : complete(iam, AuthorizationDetails.read(iam, pageSize, EntityType.LOCAL_MANAGED_POLICY).policies())) {
      sink.accept(context.snapshot(AccountFact.GLOBAL_REGION, ResourceTypes.IAM_POLICY, policy.policyId())
          .arn(policy.arn())
          .name(policy.policyName())
          .configuration(configuration(policy, defaultVersion(policy)))
          .build());
    }
  }

  /**
   * IAM's entries carry every member; an emulator's may lack the name, id or boundary count (moto
   * 5.2 leaves them out). Only then is ListPolicies (scope Local, a page per call) asked, and its
   * entries, matched by ARN, fill the gaps: so the snapshot does not depend on where it came from.
   */
  private List<ManagedPolicyDetail> complete(IamClient iam, List<ManagedPolicyDetail> details) {
    if (details.stream().allMatch(p -> p.policyId() != null && p.policyName() != null
        && p.permissionsBoundaryUsageCount() != null)) {
      return details;
    }
    Map<String, Policy> listed = new HashMap<>();
    iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL).maxItems(pageSize)).policies()
        .forEach(p -> listed.put(p.arn(), p));
    return details.stream().map(d -> {
      Policy p = listed.get(d.arn());
      if (p == null) {
        return d;
      }
      return d.toBuilder()
          .policyName(d.policyName() != null ? d.policyName() : p.policyName())
          .policyId(d.policyId() != null ? d.policyId() : p.policyId())
          .permissionsBoundaryUsageCount(d.permissionsBoundaryUsageCount() != null
              ? d.permissionsBoundaryUsageCount() : p.permissionsBoundaryUsageCount())
          .build();
    }).filter(d -> d.policyId() != null).toList();
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
