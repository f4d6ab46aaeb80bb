package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * {@code AWS::IAM::User} shaped as AWS Config records it: attached managed policies, inline
 * policies with URL-encoded documents, group names (and a relationship per group), the permissions
 * boundary and tags. ListUsers omits the boundary and tags, so each user also costs a GetUser.
 * resourceId = the user id ({@code AIDA...}), resourceName = the user name.
 */
final class UserCollector extends IamCollector {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;


  UserCollector(Integer pageSize) {
    super("iam.users", IamTypes.USER, pageSize);
  }




  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    IamClient iam = context.clients().iam();
    for (User listed : IamUsers.list(iam, pageSize)) {
      User user = iam.getUser(r -> r.userName(listed.userName())).user();
      List<Group> groups = iam.listGroupsForUserPaginator(r -> r.userName(user.userName()).maxItems(pageSize))
          .groups().stream().toList();
      SnapshotBuilder snapshot = context.snapshot(AccountFact.GLOBAL_REGION, IamTypes.USER, user.userId())
          .arn(user.arn())
          .name(user.userName())
          .configuration(configuration(iam, user, groups));
      user.tags().forEach(t -> snapshot.tag(t.key(), t.value()));
      groups.forEach(g -> snapshot.relationship(IamTypes.GROUP, g.groupId(), g.groupName(), "Is attached to Group"));
      sink.accept(snapshot.build());
    }
  }

  private ObjectNode configuration(IamClient iam, User user, List<Group> groups) {
    ObjectNode c = NODES.objectNode();
    c.put("path", user.path());
    c.put("userName", user.userName());
    c.put("userId", user.userId());
    c.put("arn", user.arn());
    c.put("createDate", user.createDate() == null ? null : user.createDate().toString());
    ArrayNode inline = c.putArray("userPolicyList");
    iam.listUserPoliciesPaginator(r -> r.userName(user.userName()).maxItems(pageSize)).policyNames()
        .forEach(policyName -> {
          String document = iam.getUserPolicy(r -> r.userName(user.userName()).policyName(policyName))
              .policyDocument();
          inline.addObject()
              .put("policyName", policyName)
              .put("policyDocument", PolicyDocuments.urlEncoded(document));
        });
    ArrayNode groupList = c.putArray("groupList");
    groups.forEach(g -> groupList.add(g.groupName()));
    ArrayNode attached = c.putArray("attachedManagedPolicies");
    iam.listAttachedUserPoliciesPaginator(r -> r.userName(user.userName()).maxItems(pageSize))
        .attachedPolicies()
        .forEach(p -> attached.addObject().put("policyName", p.policyName()).put("policyArn", p.policyArn()));
    c.set("permissionsBoundary", boundary(user.permissionsBoundary()));
    ArrayNode tags = c.putArray("tags");
    for (Tag t : user.tags()) {
      tags.addObject().put("key", t.key()).put("value", t.value());
    }
    return c;
  }

  private static com.fasterxml.jackson.databind.JsonNode boundary(AttachedPermissionsBoundary b) {
    if (b == null) {
      return NODES.nullNode();
    }
    return NODES.objectNode()
        .put("permissionsBoundaryType", b.permissionsBoundaryTypeAsString())
        .put("permissionsBoundaryArn", b.permissionsBoundaryArn());
  }
}
