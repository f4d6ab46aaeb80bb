package io.compliancestreams.ingest.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.model.Message;

/** Small helpers for SQS message bodies. */
final class Messages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Messages() {}

  /** {@code <queue URL>#<message id>}: enough to find a dead letter's origin. */
  static String location(String queueUrl, Message message) {
    return queueUrl + "#" + message.messageId();
  }

  /** The body as JSON. */
  static JsonNode json(String text, String field) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedRecordException(field, "is not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /**
   * The payload of an SNS notification ({@code {"Type": "Notification", "Message": "<json>"}}) or,
   * for raw message delivery, the body itself.
   */
  static JsonNode unwrapSns(JsonNode body) {
    if ("Notification".equals(body.path("Type").asText()) && body.path("Message").isTextual()) {
      return json(body.path("Message").asText(), "Message");
    }
    return body;
  }
}
