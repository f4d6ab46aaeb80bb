package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.List;

/** An {@value IamTypes#USER} item: a user with its attached managed and inline policies. */
record IamUser(ConfigurationItem item, ItemReader config) {

  static IamUser of(ConfigurationItem item) {
    return new IamUser(item, ItemReader.configuration(item).object());
  }

  /** The names of the managed policies attached to the user itself (not through a group). */
  List<String> attachedManagedPolicies() {
    return policyNames("attachedManagedPolicies");
  }

  /** The names of the user's inline policies. */
  List<String> inlinePolicies() {
    return policyNames("userPolicyList");
  }

  private List<String> policyNames(String field) {
    return config.field(field).list().stream()
        .map(entry -> entry.requiredObject().field("policyName").required().text().orElseThrow())
        .toList();
  }
}
