package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * {@code AWS::IAM::User} shaped as AWS Config records it: attached managed policies, inline
 * policies with URL-encoded documents, group names (and a relationship per group), the permissions
 * boundary and tags. All of it comes from GetAccountAuthorizationDetails (filter User and Group:
 * the user entries name their groups, the group entries give the ids the relationships carry), one
 * call per page and none per user, so no per-user detail call can fail half-way through a user.
 * resourceId = the user id ({@code AIDA...}), resourceName = the user name.
 */
final class UserCollector extends IamCollector {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  UserCollector(Integer pageSize) {
    super("iam.users", ResourceTypes.IAM_USER, pageSize);
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    AuthorizationDetails details =
        AuthorizationDetails.read(context.clients().iam(), pageSize, EntityType.USER, EntityType.GROUP);
    Map<String, String> groupIds = new HashMap<>();
    for (GroupDetail group : details.groups()) {
      groupIds.put(group.groupName(), group.groupId());
    }
    for (UserDetail user : details.users()) {
      SnapshotBuilder snapshot = context.snapshot(AccountFact.GLOBAL_REGION, ResourceTypes.IAM_USER, user.userId())
          .arn(user.arn())
          .name(user.userName())
          .configuration(configuration(user));
      user.tags().forEach(t -> snapshot.tag(t.key(), t.value()));
      // A group created while the pages were read may lack its entry (and id): the user keeps it in
      // groupList, the relationship (which needs the id) waits for the next scan.
      user.groupList().stream().filter(groupIds::containsKey)
          .forEach(g -> snapshot.relationship(ResourceTypes.IAM_GROUP, groupIds.get(g), g, "Is attached to Group"));
      sink.accept(snapshot.build());
    }
  }

  static ObjectNode configuration(UserDetail user) {
    ObjectNode c = NODES.objectNode();
    c.put("path", user.path());
    c.put("userName", user.userName());
    c.put("userId", user.userId());
    c.put("arn", user.arn());
    c.put("createDate", user.createDate() == null ? null : user.createDate().toString());
    ArrayNode inline = c.putArray("userPolicyList");
    user.userPolicyList().forEach(p -> inline.addObject()
        .put("policyName", p.policyName())
        .put("policyDocument", PolicyDocuments.urlEncoded(p.policyDocument())));
    ArrayNode groupList = c.putArray("groupList");
    user.groupList().forEach(groupList::add);
    ArrayNode attached = c.putArray("attachedManagedPolicies");
    user.attachedManagedPolicies()
        .forEach(p -> attached.addObject().put("policyName", p.policyName()).put("policyArn", p.policyArn()));
    c.set("permissionsBoundary", boundary(user.permissionsBoundary()));
    ArrayNode tags = c.putArray("tags");
    for (Tag t : user.tags()) {
      tags.addObject().put("key", t.key()).put("value", t.value());
    }
    return c;
  }

  private static JsonNode boundary(AttachedPermissionsBoundary b) {
    if (b == null) {
      return NODES.nullNode();
    }
    return NODES.objectNode()
        .put("permissionsBoundaryType", b.permissionsBoundaryTypeAsString())
        .put("permissionsBoundaryArn", b.permissionsBoundaryArn());
  }
}
