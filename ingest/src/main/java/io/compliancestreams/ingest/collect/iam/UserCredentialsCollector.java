package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

/**
 * {@code ComplianceStreams::IAM::UserCredentials}, one per user, in the IAM API's shape:
 * {@code User}, {@code LoginProfile} (null when the user has no console password),
 * {@code AccessKeyMetadata} each with its {@code AccessKeyLastUsed}, and {@code MFADevices}.
 * {@code User} is the ListUsers entry (one call per page), which has GetUser's members without the
 * boundary and tags (schemas/README.md allows either), PasswordLastUsed included.
 *
 * <p>A full scan reads the credential report once for the account and asks per user only what the
 * report cannot say ({@link UserCredentialDetails}): a user without credentials costs no call of
 * its own. A targeted rescan (after CreateAccessKey, EnableMFADevice, ...) asks the API for that
 * user only, since the report may be up to four hours old.
 */
final class UserCredentialsCollector extends IamCollector {

  UserCredentialsCollector(Integer pageSize) {
    super("iam.user-credentials", ResourceTypes.IAM_USER_CREDENTIALS, pageSize);
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    IamClient iam = context.clients().iam();
    UserCredentialDetails details = new UserCredentialDetails(iam, pageSize);
    CredentialReport report = CredentialReports.fetch(iam);
    for (User user : IamUsers.list(iam, pageSize)) {
      Optional<ObjectNode> configuration = report.row(user.userName(), user.createDate())
          .map(row -> details.fromReport(user, row))
          .orElseGet(() -> details.fromApi(user));
      configuration.ifPresent(c -> sink.accept(snapshot(context, user, c)));
    }
  }

  @Override
  public void collectOne(CollectContext context, String resourceId, SnapshotSink sink) {
    IamClient iam = context.clients().iam();
    UserCredentialDetails details = new UserCredentialDetails(iam, pageSize);
    for (User user : IamUsers.list(iam, pageSize)) {
      if (resourceId.equals(user.userId()) || resourceId.equals(user.userName()) || resourceId.equals(user.arn())) {
        details.fromApi(user).ifPresent(c -> sink.accept(snapshot(context, user, c)));
      }
    }
  }

  private static io.compliancestreams.schemas.avro.ResourceSnapshot snapshot(
      CollectContext context, User user, ObjectNode configuration) {
    return context.snapshot(AccountFact.GLOBAL_REGION, ResourceTypes.IAM_USER_CREDENTIALS, user.userId())
        .arn(user.arn())
        .name(user.userName())
        .configuration(configuration)
        .build();
  }
}
