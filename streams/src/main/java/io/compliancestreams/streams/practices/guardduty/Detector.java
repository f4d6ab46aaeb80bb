package io.compliancestreams.streams.practices.guardduty;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;

/** AWS Config's {@value GuardDutyTypes#DETECTOR} item. */
record Detector(ConfigurationItem item, ItemReader config) {

  static Detector of(ConfigurationItem item) {
    return new Detector(item, ItemReader.configuration(item).requiredObject());
  }

  String id() {
    return item.resourceId();
  }

  boolean enabled() {
    return config.field("Enable").requiredLenientBool();
  }
}
