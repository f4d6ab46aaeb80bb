package io.compliancestreams.streams.practices.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class DefaultSecurityGroupClosedTest {

  private static final ResourceRef GROUP =
      new ResourceRef(
          "111122223333",
          "eu-west-1",
          "AWS::EC2::SecurityGroup",
          "sg-0d1c2b3a4f5e6d7c8",
          "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0d1c2b3a4f5e6d7c8");

  private final DefaultSecurityGroupClosed practice = new DefaultSecurityGroupClosed();


  @Test
  void shouldPassWhenDefaultGroupHasNoRules() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-closed-default-group.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(GROUP);
    assertThat(e.reason())
        .isEqualTo(
            "Default security group sg-0d1c2b3a4f5e6d7c8 of vpc-0a12b34c56d78e90f has no inbound or"
                + " outbound rule");
  }

  @Test
  void shouldFailOnTheFactorySelfReferencingAndAllowAllRules() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-factory-rules.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(GROUP);
    assertThat(e.reason())
        .isEqualTo(
            "Default security group sg-0d1c2b3a4f5e6d7c8 of vpc-0a12b34c56d78e90f allows traffic"
                + " (2 rules): inbound all traffic from sg-0d1c2b3a4f5e6d7c8 (this group);"
                + " outbound all traffic to 0.0.0.0/0");
  }

  @Test
  void shouldFailNamingProtocolPortAndSourcesOfAnInboundRule() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-ssh-from-anywhere.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).endsWith("(1 rule): inbound tcp port 22 from 0.0.0.0/0, ::/0");
  }

  @Test
  void shouldFailOnAnOutboundRuleAlone() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-egress-https-only.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).endsWith("outbound tcp port 443 to pl-6da54004");
  }

  @Test
  void shouldNotApplyToANonDefaultGroup() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "na-application-group.json");
    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.resource().resourceId()).isEqualTo("sg-0f9e8d7c6b5a49382");
    assertThat(e.reason()).contains("sg-0f9e8d7c6b5a49382 (web-tier)", "not a VPC default");
  }

  @Test
  void shouldReportErrorNamingTheRuleWhenAPortIsNotANumber() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-port-not-a-number.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(GROUP);
    assertThat(e.reason())
        .contains("configuration.ipPermissions[0].fromPort", "expected a port number");
  }
}
