package io.compliancestreams.ingest.collect.iam;

import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

/** Every IAM user of the account, all pages of ListUsers. */
final class IamUsers {

  private IamUsers() {}

  /** @param pageSize MaxItems per page, or null for IAM's default (100) */
  static List<User> list(IamClient iam, Integer pageSize) {
    return iam.listUsersPaginator(r -> r.maxItems(pageSize)).users().stream().toList();
  }
}
