package io.compliancestreams.streams.practices.ec2;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.List;
import java.util.Optional;

/** An {@value Ec2Types#VOLUME} item as practice 16 reads it. Fields are read when asked. */
record EbsVolume(ConfigurationItem item, ItemReader config) {

  /** One entry of the volume's {@code attachments}. */
  static final class Attachment {
    private final ItemReader entry;

    private Attachment(ItemReader entry) {
      this.entry = entry;
    }

    /** attaching, attached, detaching, detached, busy; absent in some recorded shapes. */
    Optional<String> state() {
      return entry.field("state").text();
    }

    Optional<String> instanceId() {
      return entry.field("instanceId").text();
    }

    Optional<String> device() {
      return entry.field("device").text();
    }
  }

  static EbsVolume of(ConfigurationItem item) {
    return new EbsVolume(item, ItemReader.configuration(item).requiredObject());
  }

  /** available, in-use, …. */
  Optional<String> state() {
    return config.field("state").text();
  }

  List<Attachment> attachments() {
    return config.field("attachments").list().stream().map(Attachment::new).toList();
  }

  boolean encrypted() {
    return config.field("encrypted").requiredLenientBool();
  }

  Optional<String> kmsKeyId() {
    return config.field("kmsKeyId").text();
  }
}
