package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.streams.practices.ResourceRef;

/** The resources the IAM fixtures describe, as findings name them. */
final class IamRefs {

  private IamRefs() {}

  /** An IAM user of the fixtures' account 111122223333. */
  static ResourceRef user(String id, String name) {
    return new ResourceRef(
        "111122223333", "global", "AWS::IAM::User", id, "arn:aws:iam::111122223333:user/" + name);
  }
}
