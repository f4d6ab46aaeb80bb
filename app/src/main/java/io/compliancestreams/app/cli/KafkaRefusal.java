package io.compliancestreams.app.cli;

import io.compliancestreams.schemas.clients.KafkaClientConfig;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * A secured Kafka saying no, as the one line a user reads: a refused login names the user and the
 * SASL mechanism (never the password), a missing ACL names the operation, the resource and the
 * principal. Kafka's own exceptions name the resource only ("Not authorized to access topics: [x]"),
 * and a client retrying them looks like a hang; the commands stop on them instead.
 */
final class KafkaRefusal {

  static final String ACL_DOC = "docs/deployment.md#acls";

  private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

  private final KafkaClientConfig clients;

  KafkaRefusal(KafkaClientConfig clients) {
    this.clients = clients;
  }

  /**
   * The line for {@code error} if it is (or was caused by) an authentication or authorization
   * failure; {@code operation} is what the command was doing to the resource, e.g. WRITE.
   */
  Optional<String> describe(Throwable error, String operation) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SaslAuthenticationException) {
        // Kafka's message names the mechanism only ("invalid credentials with SASL mechanism ...").
        return Optional.of("Kafka at " + clients.bootstrapServers() + " refused the login of " + principal()
            + mechanism() + ": " + t.getMessage() + " (check the user and password in kafka.sasl.jaas.config)");
      }
      if (t instanceof TopicAuthorizationException denied) {
        String topics = denied.unauthorizedTopics().isEmpty() ? "" : " " + String.join(", ",
            new TreeSet<>(denied.unauthorizedTopics()));
        return Optional.of(denial(operation, "topic" + topics));
      }
      if (t instanceof GroupAuthorizationException denied) {
        String group = denied.groupId() != null ? denied.groupId() : groupFromMessage(denied.getMessage());
        return Optional.of(denial("READ", "group" + (group == null ? "" : " " + group)));
      }
      if (t instanceof TransactionalIdAuthorizationException) {
        // Only Kafka Streams (exactly-once) uses transactions here; its ids start with its application id.
        return Optional.of(denial("WRITE", "the transactional ids <streams.application.id>-* (a PREFIXED ACL)"));
      }
      if (t instanceof ClusterAuthorizationException) {
        return Optional.of(denial(operation, "the cluster"));
      }
    }
    return Optional.empty();
  }

  /** Kafka Streams' GroupAuthorizationException carries the group in its message only. */
  private static String groupFromMessage(String message) {
    String marker = "Not authorized to access group: ";
    return message != null && message.startsWith(marker) ? message.substring(marker.length()).trim() : null;
  }

  String denial(String operation, String resource) {
    return "not authorized to " + operation + " " + resource + " as " + principal() + " (see " + ACL_DOC + ")";
  }

  /** {@code User:<name>} from the SASL login, else the name the broker gives this client. */
  String principal() {
    Object jaas = clients.admin().get(SaslConfigs.SASL_JAAS_CONFIG);
    String text = jaas instanceof Password password ? password.value() : jaas == null ? null : jaas.toString();
    if (text != null) {
      Matcher m = USERNAME.matcher(text);
      if (m.find()) {
        return "User:" + m.group(1);
      }
    }
    Object protocol = clients.admin().get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
    return protocol != null && protocol.toString().toUpperCase().contains("SSL") && text == null
        ? "the principal of the client certificate" : "this client's principal";
  }

  private String mechanism() {
    Object mechanism = clients.admin().get(SaslConfigs.SASL_MECHANISM);
    return mechanism == null ? "" : " (SASL " + mechanism + ")";
  }
}
