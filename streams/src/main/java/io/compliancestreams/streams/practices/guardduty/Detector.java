package io.compliancestreams.streams.practices.guardduty;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;

/** AWS Config's {@value GuardDutyTypes#DETECTOR} item. */
final class Detector {

  private final ConfigurationItem item;
  private final ItemReader config;

  private Detector(ConfigurationItem item) {
    this.item = item;
    this.config = ItemReader.configuration(item).requiredObject();
  }

  static Detector of(ConfigurationItem item) {
    return new Detector(item);
  }

  String id() {
    return item.resourceId();
  }

  boolean enabled() {
    return config.field("Enable").requiredLenientBool();
  }
}
