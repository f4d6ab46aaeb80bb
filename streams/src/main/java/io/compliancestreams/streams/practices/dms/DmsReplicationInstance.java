package io.compliancestreams.streams.practices.dms;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.ArrayList;
import java.util.List;

/** An {@code AWS::DMS::ReplicationInstance} item. */
record DmsReplicationInstance(ConfigurationItem item, ItemReader config) {

  static DmsReplicationInstance of(ConfigurationItem item) {
    return new DmsReplicationInstance(item, ItemReader.configuration(item).requiredObject());
  }

  boolean publiclyAccessible() {
    return config.field("PubliclyAccessible").requiredLenientBool();
  }

  String identifier() {
    return config.field("ReplicationInstanceIdentifier").text().orElse(item.displayName());
  }

  /** Config records the addresses as a list or as one comma-separated string; else none. */
  List<String> publicIps() {
    var value = config.field("ReplicationInstancePublicIpAddresses").node();
    List<String> ips = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(ip -> ips.add(ip.asText()));
    } else if (value.isTextual()) {
      for (String ip : value.asText().split(",")) {
        if (!ip.isBlank()) {
          ips.add(ip.trim());
        }
      }
    }
    return ips;
  }
}
