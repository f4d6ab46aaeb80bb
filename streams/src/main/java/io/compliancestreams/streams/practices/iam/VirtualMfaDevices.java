package io.compliancestreams.streams.practices.iam;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/** A {@value IamTypes#VIRTUAL_MFA_DEVICES} snapshot: ListVirtualMFADevices of one account. */
record VirtualMfaDevices(ItemReader config) {

  static VirtualMfaDevices of(ConfigurationItem item) {
    return new VirtualMfaDevices(ItemReader.configuration(item).requiredObject());
  }

  /** The serial number of a virtual device assigned to root ({@code User.Arn ...:root}). */
  Optional<String> assignedToRoot(String accountId) {
    // Any partition: arn:aws:..., arn:aws-cn:..., arn:aws-us-gov:...
    String rootSuffix = ":iam::" + accountId + ":root";
    for (ItemReader device : config.field("VirtualMFADevices").list()) {
      // Unassigned devices have no User.
      Optional<String> userArn = device.requiredObject().field("User").field("Arn").text();
      if (userArn.isPresent() && userArn.get().startsWith("arn:") && userArn.get().endsWith(rootSuffix)) {
        return Optional.of(device.field("SerialNumber").required().text().orElseThrow());
      }
    }
    return Optional.empty();
  }
}
