package io.compliancestreams.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The secured broker's settings, without a broker: what the in-JVM server is given. */
class BrokerSecurityTest {

  private final BrokerSecurity security = BrokerSecurity.scram("admin-secret", Map.of("app", "app-secret"));

  @Test
  void shouldFormatOneScramUserPerNameForTheKraftFormatter() {
    assertThat(security.scramArguments()).containsExactlyInAnyOrder(
        "SCRAM-SHA-512=[name=admin,password=admin-secret]", "SCRAM-SHA-512=[name=app,password=app-secret]");
  }

  @Test
  void shouldEnforceAclsWithNothingAllowedByDefaultOnlyWhenAsked() {
    assertThat(security.listener().brokerProperties()).doesNotContainKey("authorizer.class.name");
    assertThat(security.withAclsEnforced().listener().brokerProperties())
        .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("allow.everyone.if.no.acl.found", "false")
        .containsEntry("super.users", "User:admin;User:ANONYMOUS");
  }

  @Test
  void shouldSecureOnlyTheClientListenerAndLeaveThePlainBrokerAsItWas() {
    InJvmKafkaServer plain = new InJvmKafkaServer(9092, 9093, java.nio.file.Path.of("/tmp/x"));
    InJvmKafkaServer secured = new InJvmKafkaServer(9092, 9093, java.nio.file.Path.of("/tmp/x"), Map.of(),
        security.listener());

    assertThat(plain.properties()).containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .doesNotContainKey("sasl.enabled.mechanisms");
    assertThat(secured.properties())
        .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
        .containsEntry("inter.broker.listener.name", "SASL_PLAINTEXT")
        .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512");
  }

  @Test
  void shouldNamePasswordsNowhereAndRequireTheSuperUser() {
    assertThat(security.toString()).doesNotContain("secret");
    assertThat(security.clientProperties("app")).containsEntry("sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\"app-secret\";");
    assertThatThrownBy(() -> new BrokerSecurity(Map.of("app", "x"), false)).hasMessageContaining("'admin'");
  }
}
