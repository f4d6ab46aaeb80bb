package io.compliancestreams.streams.practices.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.MalformedItemException;
import io.compliancestreams.streams.practices.PracticeFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityGroupTest {

  private static SecurityGroup group(String fixture) {
    ConfigurationItem item = PracticeFixtures.load(18, fixture).items().get(0);
    return SecurityGroup.of(item);
  }

  @Test
  void shouldReadTheFactoryRulesOfADefaultGroup() {
    SecurityGroup group = group("fail-factory-rules.json");

    assertThat(group.groupName()).isEqualTo("default");
    assertThat(group.groupId()).isEqualTo("sg-0d1c2b3a4f5e6d7c8");
    assertThat(group.inbound()).hasSize(1);
    SecurityGroup.Permission inbound = group.inbound().get(0);
    assertThat(inbound.protocol()).isEqualTo("-1");
    assertThat(inbound.fromPort()).isEmpty();
    assertThat(inbound.groupPairs()).containsExactly(Optional.of("sg-0d1c2b3a4f5e6d7c8"));
    assertThat(group.outbound()).singleElement()
        .satisfies(p -> assertThat(p.addresses()).contains("0.0.0.0/0"));
  }

  @Test
  void shouldNameTheMalformedPortByItsPath() {
    SecurityGroup.Permission permission = group("error-port-not-a-number.json").inbound().get(0);

    assertThatThrownBy(permission::fromPort)
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("configuration.ipPermissions[0].fromPort: expected a port number, got \"ssh\"");
  }

  @Test
  void shouldDescribeTheRulesInWords() {
    assertThat(SecurityGroupRules.describeAll(group("fail-factory-rules.json")))
        .containsExactly(
            "inbound all traffic from sg-0d1c2b3a4f5e6d7c8 (this group)",
            "outbound all traffic to 0.0.0.0/0");
  }
}
