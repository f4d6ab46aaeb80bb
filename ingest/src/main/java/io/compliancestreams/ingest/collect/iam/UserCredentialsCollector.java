package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.SnapshotSink;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;

/**
 * {@code ComplianceStreams::IAM::UserCredentials}, one per user, in the IAM API's shape:
 * {@code User}, {@code LoginProfile} (null when the user has no console password),
 * {@code AccessKeyMetadata} each with its {@code AccessKeyLastUsed}, and {@code MFADevices}.
 * {@code User} is the ListUsers entry, which has the same members as GetUser's without the
 * boundary and tags (schemas/README.md allows either), and saves a call per user.
 */
final class UserCredentialsCollector extends IamCollector {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;


  UserCredentialsCollector(Integer pageSize) {
    super("iam.user-credentials", IamTypes.USER_CREDENTIALS, pageSize);
  }




  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    IamClient iam = context.clients().iam();
    for (User user : IamUsers.list(iam, pageSize)) {
      ObjectNode c = NODES.objectNode();
      c.set("User", ApiJson.of(user));
      c.set("LoginProfile", loginProfile(iam, user.userName()));
      ArrayNode keys = c.putArray("AccessKeyMetadata");
      iam.listAccessKeysPaginator(r -> r.userName(user.userName()).maxItems(pageSize)).accessKeyMetadata()
          .forEach(key -> {
            ObjectNode entry = ApiJson.of(key);
            entry.set("AccessKeyLastUsed", ApiJson.of(
                iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed()));
            keys.add(entry);
          });
      c.set("MFADevices", ApiJson.ofList(
          iam.listMFADevicesPaginator(r -> r.userName(user.userName()).maxItems(pageSize)).mfaDevices()
              .stream().toList()));
      sink.accept(context.snapshot(AccountFact.GLOBAL_REGION, IamTypes.USER_CREDENTIALS, user.userId())
          .arn(user.arn())
          .name(user.userName())
          .configuration(c)
          .build());
    }
  }

  private static JsonNode loginProfile(IamClient iam, String userName) {
    try {
      return ApiJson.of(iam.getLoginProfile(r -> r.userName(userName)).loginProfile());
    } catch (NoSuchEntityException e) {
      return NODES.nullNode(); // no console password
    }
  }
}
