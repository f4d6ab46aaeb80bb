package io.compliancestreams.devkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a secured in-JVM broker authenticates and authorizes clients: one SASL_PLAINTEXT listener with
 * SCRAM-SHA-512, the users written into the metadata log when it is formatted (KRaft's
 * {@code kafka-storage format --add-scram}), {@code admin} a super user (it is also the broker's own
 * inter-broker login), and, if {@link #aclsEnforced()}, KRaft's {@code StandardAuthorizer} with
 * {@code allow.everyone.if.no.acl.found=false}: any other user can do only what an ACL grants.
 *
 * @param users user name → password; must contain {@link #ADMIN}
 * @param aclsEnforced whether the broker authorizes requests by ACL
 */
public record BrokerSecurity(Map<String, String> users, boolean aclsEnforced) {

  /** The super user, also the broker's inter-broker login. */
  public static final String ADMIN = "admin";
  /** The only SASL mechanism the secured listener enables. */
  public static final String MECHANISM = "SCRAM-SHA-512";

  public BrokerSecurity {
    users = Map.copyOf(users);
    if (!users.containsKey(ADMIN)) {
      throw new IllegalArgumentException("the users must include '" + ADMIN + "', the super user");
    }
  }

  /** SCRAM-SHA-512 for {@code admin} and {@code others}, no ACLs (every authenticated user may do anything). */
  public static BrokerSecurity scram(String adminPassword, Map<String, String> others) {
    Map<String, String> all = new LinkedHashMap<>(others);
    all.put(ADMIN, Objects.requireNonNull(adminPassword, "adminPassword"));
    return new BrokerSecurity(all, false);
  }

  /** The same users, with ACLs enforced by the StandardAuthorizer. */
  public BrokerSecurity withAclsEnforced() {
    return new BrokerSecurity(users, true);
  }

  /** The client properties that log in as {@code user} (its password as configured). */
  public Map<String, String> clientProperties(String user) {
    String password = users.get(user);
    if (password == null) {
      throw new IllegalArgumentException("no such user '" + user + "', expected one of " + users.keySet());
    }
    return clientProperties(user, password);
  }

  /** Client properties for any name and password, e.g. a wrong one. */
  public static Map<String, String> clientProperties(String user, String password) {
    return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
        "sasl.jaas.config", jaas(user, password));
  }

  /** The broker properties for a listener named SASL_PLAINTEXT (the controller's stays PLAINTEXT). */
  Map<String, String> brokerProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("sasl.enabled.mechanisms", MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas(ADMIN, users.get(ADMIN)));
    if (aclsEnforced) {
      p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
      p.put("allow.everyone.if.no.acl.found", "false");
      // The broker reaches its own controller over the PLAINTEXT controller listener (loopback
      // only), where it has no name: ANONYMOUS must be allowed the cluster actions that needs.
      p.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
    }
    return p;
  }

  /** The listener a broker started with this security has. */
  ListenerSecurity listener() {
    return new ListenerSecurity("SASL_PLAINTEXT", brokerProperties(), scramArguments());
  }

  /** {@code --add-scram} arguments for the formatter, one per user. */
  List<String> scramArguments() {
    return users.entrySet().stream()
        .map(e -> MECHANISM + "=[name=" + e.getKey() + ",password=" + e.getValue() + "]")
        .toList();
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }

  /** Names only: the values are passwords. */
  @Override
  public String toString() {
    return "BrokerSecurity[users=" + users.keySet() + ", aclsEnforced=" + aclsEnforced + "]";
  }
}
