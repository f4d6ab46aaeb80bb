package io.compliancestreams.streams.practices.sagemaker;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/** An {@code AWS::SageMaker::NotebookInstance} item. */
record NotebookInstance(ConfigurationItem item, ItemReader config) {

  static NotebookInstance of(ConfigurationItem item) {
    return new NotebookInstance(item, ItemReader.configuration(item).requiredObject());
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
