package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/** An {@value IamTypes#POLICY} item: a managed policy with every version's document. */
record IamPolicy(ConfigurationItem item, ItemReader config) {

  /** The version marked {@code isDefaultVersion}, the one in force. */
  record DefaultVersion(String versionId, PolicyDocument document) {}

  static IamPolicy of(ConfigurationItem item) {
    return new IamPolicy(item, ItemReader.configuration(item).object());
  }

  String name() {
    return config.field("policyName").text().orElse(item.displayName());
  }

  Optional<String> arn() {
    return config.field("arn").text().or(() -> Optional.ofNullable(item.arn()));
  }

  /** Users, groups and roles it is attached to; required, so that "missing" never reads as 0. */
  int attachmentCount() {
    return config.field("attachmentCount").requiredInteger();
  }

  int permissionsBoundaryUsageCount() {
    return config.field("permissionsBoundaryUsageCount").integer().orElse(0);
  }

  /** The version marked {@code isDefaultVersion}, not simply the first in the list. */
  DefaultVersion defaultVersion() {
    ItemReader versions = config.field("policyVersionList");
    for (ItemReader version : versions.list()) {
      if (version.requiredObject().field("isDefaultVersion").bool().orElse(false)) {
        return new DefaultVersion(
            version.field("versionId").text().orElse("?"),
            PolicyDocument.read(version.field("document")));
      }
    }
    throw versions.malformed("has no version with isDefaultVersion=true");
  }
}
