package io.compliancestreams.ingest.collect.services.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Pieces of AWS Config's camelCase EC2 shapes shared by several types. */
final class Ec2Json {

  private Ec2Json() {}

  /** {@code [{"key": …, "value": …}]}, AWS Config's {@code configuration.tags}. */
  static ArrayNode tags(List<Tag> tags) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    tags.forEach(t -> out.addObject().put("key", t.key()).put("value", t.value()));
    return out;
  }
}
