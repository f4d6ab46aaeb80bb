package io.compliancestreams.streams.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ConfigurationItemJson;
import io.compliancestreams.streams.practices.ItemStatus;
import io.compliancestreams.streams.practices.Relationship;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one mapper from the snapshot contract (Avro) to the practices' configuration item. */
public final class SnapshotMapper {

  private SnapshotMapper() {}

  /**
   * @throws io.compliancestreams.streams.practices.MalformedItemException naming the field when
   *     {@code configuration} or a supplementary value is not JSON
   */
  public static ConfigurationItem toItem(ResourceSnapshot s) {
    Map<String, JsonNode> supplementary = new LinkedHashMap<>();
    s.getSupplementaryConfiguration().forEach((name, text) -> supplementary.put(name,
        ConfigurationItemJson.parseJson(text, "supplementaryConfiguration." + name)));
    List<Relationship> relationships = s.getRelationships().stream()
        .map(r -> new Relationship(r.getResourceType(), r.getResourceId(), r.getResourceName(),
            r.getRelationshipName()))
        .toList();
    return new ConfigurationItem(
        s.getAccountId(),
        s.getAwsRegion(),
        s.getResourceType(),
        s.getResourceId(),
        s.getArn(),
        s.getResourceName(),
        s.getCaptureTime(),
        ItemStatus.valueOf(s.getConfigurationItemStatus().name()),
        s.getConfigurationStateId(),
        s.getTags(),
        relationships,
        ConfigurationItemJson.parseJson(s.getConfiguration(), "configuration"),
        supplementary);
  }
}
