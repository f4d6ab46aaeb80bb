package io.compliancestreams.ingest.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an SQS message from AWS Config says, in any of its envelopes: an EventBridge event
 * ({@code detail-type} "Config Configuration Item Change", the notification in {@code detail}), an
 * SNS notification whose {@code Message} is the notification as JSON text, or the notification
 * itself (SNS raw delivery). Pure.
 */
sealed interface ConfigNotification {

  String EVENTBRIDGE_DETAIL_TYPE = "Config Configuration Item Change";
  String CHANGE = "ConfigurationItemChangeNotification";
  String OVERSIZED = "OversizedConfigurationItemChangeNotification";
  String SNAPSHOT_DELIVERED = "ConfigurationSnapshotDeliveryCompleted";

  /** A change notification carrying the item. */
  record Change(JsonNode configurationItem) implements ConfigNotification {}

  /** An oversized change: the full notification is an S3 object. */
  record Oversized(String bucket, String key) implements ConfigNotification {}

  /**
   * A periodic (or requested) configuration snapshot was delivered: the S3 object is a gzip JSON
   * document whose {@code configurationItems} describe every recorded resource of the region.
   */
  record SnapshotDelivered(String bucket, String key, String configSnapshotId) implements ConfigNotification {}

  /** Another AWS Config message (snapshot started, history delivered, compliance change, ...): nothing to publish. */
  record Ignored(String messageType) implements ConfigNotification {}

  /** @throws MalformedItemException naming the field when the body fits no known shape */
  static ConfigNotification parse(String body) {
    JsonNode message = json(body, "body");
    if ("Notification".equals(message.path("Type").asText()) && message.path("Message").isTextual()) {
      message = json(message.path("Message").asText(), "Message");
    } else if (message.has("detail-type")) {
      String detailType = message.path("detail-type").asText();
      if (!EVENTBRIDGE_DETAIL_TYPE.equals(detailType)) {
        return new Ignored(detailType);
      }
      message = message.path("detail");
    }
    return of(message);
  }

  /** The notification itself ({@code messageType} and its payload). */
  static ConfigNotification of(JsonNode notification) {
    String type = notification.path("messageType").asText("");
    if (OVERSIZED.equals(type)) {
      JsonNode location = notification.path("s3DeliverySummary").path("s3BucketLocation");
      if (!location.isTextual() || location.asText().indexOf('/') <= 0) {
        String error = notification.path("s3DeliverySummary").path("errorCode").asText("none");
        throw new MalformedItemException("s3DeliverySummary.s3BucketLocation",
            "is missing (delivery errorCode " + error + ")");
      }
      String text = location.asText();
      int slash = text.indexOf('/');
      return new Oversized(text.substring(0, slash), text.substring(slash + 1));
    }
    if (SNAPSHOT_DELIVERED.equals(type)) {
      // AWS Config's documented SNS form; the EventBridge "Config Configuration Snapshot Delivery
      // Status" event has no documented detail, so it stays ignored (detail-type check above).
      String bucket = notification.path("s3Bucket").asText("");
      String key = notification.path("s3ObjectKey").asText("");
      if (bucket.isEmpty()) {
        throw new MalformedItemException("s3Bucket", "is missing from the snapshot delivery notification");
      }
      if (key.isEmpty()) {
        throw new MalformedItemException("s3ObjectKey", "is missing from the snapshot delivery notification");
      }
      return new SnapshotDelivered(bucket, key, notification.path("configSnapshotId").asText(null));
    }
    if (CHANGE.equals(type) || (type.isEmpty() && notification.has("configurationItem"))) {
      JsonNode item = notification.get("configurationItem");
      if (item == null || !item.isObject()) {
        throw new MalformedItemException("configurationItem", "is missing");
      }
      return new Change(item);
    }
    if (type.isEmpty()) {
      throw new MalformedItemException("messageType", "is missing: not an AWS Config notification");
    }
    return new Ignored(type);
  }

  private static JsonNode json(String text, String field) {
    try {
      JsonNode node = new ObjectMapper().readTree(text);
      if (node == null || !node.isObject()) {
        throw new MalformedItemException(field, "expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedItemException(field, "is not JSON (" + e.getOriginalMessage() + ")");
    }
  }
}
