package io.compliancestreams.streams.practices.sagemaker;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/** An {@code AWS::SageMaker::NotebookInstance} item. */
final class NotebookInstance {

  private final ConfigurationItem item;
  private final ItemReader config;

  private NotebookInstance(ConfigurationItem item) {
    this.item = item;
    this.config = ItemReader.configuration(item).requiredObject();
  }

  static NotebookInstance of(ConfigurationItem item) {
    return new NotebookInstance(item);
  }

  ConfigurationItem item() {
    return item;
  }

  /** True for Enabled, false for Disabled; any other value is malformed. */
  boolean directInternetAccess() {
    ItemReader field = config.field("DirectInternetAccess");
    String access = field.requiredText();
    return switch (access) {
      case "Enabled" -> true;
      case "Disabled" -> false;
      default -> throw field.malformed("expected Enabled or Disabled, got '" + access + "'");
    };
  }

  String name() {
    return config.field("NotebookInstanceName").text().orElse(item.displayName());
  }

  Optional<String> subnetId() {
    return config.field("SubnetId").text();
  }
}
