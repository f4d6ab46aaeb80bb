package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.ResourceLocator.request;
import static io.compliancestreams.streams.practices.ResourceLocator.response;
import static io.compliancestreams.streams.practices.ResourceLocator.userIdentity;
import static io.compliancestreams.streams.practices.iam.IamTypes.IAM_SOURCE;
import static io.compliancestreams.schemas.contract.ResourceTypes.IAM_USER_CREDENTIALS;

import io.compliancestreams.streams.practices.EventTrigger;
import java.util.ArrayList;
import java.util.List;

/** CloudTrail triggers that several user practices share, declared once. */
final class UserTriggers {

  private UserTriggers() {}

  /**
   * Create/Update/DeleteAccessKey: rescan the user's credentials. Without userName the caller acts
   * on its own keys. A root caller has no userIdentity.userName, so its key resolves to no user:
   * IAM.4 covers it.
   */
  static List<EventTrigger> accessKeyChanges() {
    return List.of(
        EventTrigger.rescan(
            IAM_SOURCE, "CreateAccessKey", IAM_USER_CREDENTIALS, request("userName"),
            response("accessKey.userName"), userIdentity("userName")),
        EventTrigger.rescan(
            IAM_SOURCE, "UpdateAccessKey", IAM_USER_CREDENTIALS, request("userName"),
            userIdentity("userName")),
        EventTrigger.rescan(
            IAM_SOURCE, "DeleteAccessKey", IAM_USER_CREDENTIALS, request("userName"),
            userIdentity("userName")));
  }

  /** CreateUser evaluates a new user; DeleteUser closes its findings (after the rescan). */
  static List<EventTrigger> userLifecycle(String resourceType) {
    return List.of(
        EventTrigger.rescan(
            IAM_SOURCE, "CreateUser", resourceType, response("user.userId"), request("userName")),
        EventTrigger.rescan(IAM_SOURCE, "DeleteUser", resourceType, request("userName")));
  }

  /** The given trigger lists, in order, as one list. */
  @SafeVarargs
  static List<EventTrigger> concat(List<EventTrigger>... parts) {
    List<EventTrigger> all = new ArrayList<>();
    for (List<EventTrigger> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
