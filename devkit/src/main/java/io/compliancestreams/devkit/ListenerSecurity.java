package io.compliancestreams.devkit;

import java.util.List;
import java.util.Map;

/**
 * What a secured in-JVM broker needs to know about its client listener: the security protocol the
 * listener is named after (SASL_PLAINTEXT, SSL), the broker properties that configure it, and the
 * SCRAM users to write when the log directory is formatted (none for TLS).
 */
record ListenerSecurity(String protocol, Map<String, String> brokerProperties, List<String> scramArguments) {

  ListenerSecurity {
    brokerProperties = Map.copyOf(brokerProperties);
    scramArguments = List.copyOf(scramArguments);
  }
}
