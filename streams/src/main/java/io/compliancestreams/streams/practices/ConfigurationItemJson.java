package io.compliancestreams.streams.practices;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.schemas.contract.ConfigItemFields;
import io.compliancestreams.schemas.contract.ConfigItemReader;
import io.compliancestreams.schemas.contract.MalformedFieldException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads configuration items in every shape AWS Config produces them, through the contract's {@link
 * ConfigItemReader} (the same reader ingest maps snapshots from), and finds the items in a
 * document (an array, a snapshot or history file, a change notification). Pure: parsing only.
 */
public final class ConfigurationItemJson {

  private ConfigurationItemJson() {}

  /**
   * All items in a document: a single item, a JSON array of items, an AWS Config snapshot or
   * history file ({@code {"configurationItems": [...]}}), or a change notification ({@code
   * {"configurationItem": {...}}}).
   */
  public static List<ConfigurationItem> readAll(JsonNode document) {
    if (document.isArray()) {
      List<ConfigurationItem> items = new ArrayList<>();
      int index = 0;
      for (JsonNode node : document) {
        items.add(readIndexed(node, "[" + index++ + "]"));
      }
      return items;
    }
    if (document.has("configurationItems")) {
      return readAll(document.get("configurationItems"));
    }
    if (document.has("configurationItem")) {
      return List.of(read(document.get("configurationItem")));
    }
    return List.of(read(document));
  }

  private static ConfigurationItem readIndexed(JsonNode node, String where) {
    try {
      return read(node);
    } catch (MalformedItemException e) {
      throw new MalformedItemException(where + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
    }
  }

  /** One configuration item. */
  public static ConfigurationItem read(JsonNode node) {
    ConfigItemFields item;
    try {
      item = ConfigItemReader.read(node);
    } catch (MalformedFieldException e) {
      throw new MalformedItemException(e.field(), e.problem());
    }
    return new ConfigurationItem(
        item.accountId(),
        item.awsRegion(),
        item.resourceType(),
        item.resourceId(),
        item.arn(),
        item.resourceName(),
        item.captureTime(),
        status(item.status()),
        item.configurationStateId(),
        item.tags(),
        item.relationships().stream()
            .map(r -> new Relationship(r.resourceType(), r.resourceId(), r.resourceName(), r.relationshipName()))
            .toList(),
        item.configuration(),
        item.supplementaryConfiguration());
  }

  /** Parses a JSON text into a node, naming {@code field} when it is not JSON. */
  public static JsonNode parseJson(String text, String field) {
    try {
      return ConfigItemReader.parseJson(text, field);
    } catch (MalformedFieldException e) {
      throw new MalformedItemException(e.field(), e.problem());
    }
  }

  private static ItemStatus status(String value) {
    try {
      return ItemStatus.parse(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedItemException("configurationItemStatus", e.getMessage());
    }
  }
}
