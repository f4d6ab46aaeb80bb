package io.compliancestreams.streams.practices.lambda;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;

/** An {@code AWS::Lambda::Function} item. */
record LambdaFunction(ConfigurationItem item, ItemReader config) {

  static LambdaFunction of(ConfigurationItem item) {
    return new LambdaFunction(item, ItemReader.configuration(item).requiredObject());
  }

  String name() {
    return config.field("functionName").text().orElse(item.displayName());
  }

  /** A container image has no managed runtime. Zip when not recorded (the API's default). */
  boolean isImage() {
    return config.field("packageType").text().orElse("Zip").equals("Image");
  }

  /** The managed runtime, which every Zip function has. */
  String runtime() {
    ItemReader runtime = config.field("runtime");
    return runtime
        .text()
        .filter(r -> !r.isBlank())
        .orElseThrow(() -> runtime.malformed("is missing for a Zip function"));
  }
}
