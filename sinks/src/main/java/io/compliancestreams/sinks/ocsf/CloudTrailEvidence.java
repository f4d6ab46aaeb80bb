package io.compliancestreams.sinks.ocsf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The CloudTrail call behind a delta, as one OCSF 1.6 {@code evidences[]} item: who ({@code
 * actor.user}, {@code actor.session.issuer}), what ({@code api.operation}, {@code
 * api.service.name}), from where ({@code src_endpoint}, {@code http_request.user_agent}).
 * Everything but the event id may be unknown (null) and is then left out.
 *
 * @param eventId CloudTrail eventID
 * @param probable true when the call was not the evaluation's trigger but the most recent call seen
 *     for the resource before a snapshot revealed the change (a probable cause)
 */
record CloudTrailEvidence(
    String eventId,
    String eventName,
    String eventSource,
    Instant eventTime,
    String principalArn,
    String principalType,
    String accountId,
    String sessionIssuerArn,
    String sourceIp,
    String userAgent,
    boolean probable) {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** An IPv4 or IPv6 literal; CloudTrail's sourceIPAddress is otherwise a service's host name. */
  private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  CloudTrailEvidence {
    Objects.requireNonNull(eventId, "eventId");
  }

  /** What a delta knows today: only the triggering event's id. */
  static CloudTrailEvidence trigger(String eventId) {
    return new CloudTrailEvidence(eventId, null, null, null, null, null, null, null, null, null, false);
  }

  ObjectNode toOcsf() {
    ObjectNode e = JSON.objectNode();
    e.put("uid", eventId);
    e.put("name", probable ? "Probable cause: CloudTrail event" : "Trigger: CloudTrail event");
    if (principalArn != null || principalType != null || accountId != null) {
      ObjectNode actor = e.putObject("actor");
      ObjectNode user = actor.putObject("user");
      putIfSet(user, "uid", principalArn);
      if (principalType != null) {
        user.put("type_id", userTypeId(principalType));
        user.put("type", principalType);
      }
      if (accountId != null) {
        user.set("account", OcsfMapper.account(accountId));
      }
      if (sessionIssuerArn != null) {
        actor.putObject("session").put("issuer", sessionIssuerArn);
      }
    }
    if (eventName != null) {
      ObjectNode api = e.putObject("api").put("operation", eventName);
      if (eventSource != null) {
        api.putObject("service").put("name", eventSource);
      }
    }
    if (sourceIp != null) {
      e.putObject("src_endpoint").put(IP.matcher(sourceIp).matches() ? "ip" : "domain", sourceIp);
    }
    if (userAgent != null) {
      e.putObject("http_request").put("user_agent", userAgent);
    }
    // data always carries the relation, so the item satisfies the class's "at least one of" rule
    // even when only the event id is known.
    ObjectNode data = e.putObject("data");
    data.put("source", "AWS CloudTrail");
    data.put("relation", probable ? "probable" : "trigger");
    if (eventTime != null) {
      data.put("event_time", eventTime.toEpochMilli());
    }
    return e;
  }

  /** OCSF user.type_id: 1 User, 2 Admin (root), 4 Service, 99 Other (roles, federated users). */
  static int userTypeId(String cloudTrailType) {
    return switch (cloudTrailType) {
      case "IAMUser" -> 1;
      case "Root" -> 2;
      case "AWSService" -> 4;
      default -> 99;
    };
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
