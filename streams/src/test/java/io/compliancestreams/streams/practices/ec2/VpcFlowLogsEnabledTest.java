package io.compliancestreams.streams.practices.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.PracticeParameters;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VpcFlowLogsEnabledTest {

  private static final ResourceRef VPC =
      new ResourceRef(
          "111122223333",
          "eu-west-1",
          "AWS::EC2::VPC",
          "vpc-0a12b34c56d78e90f",
          "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0a12b34c56d78e90f");

  private final VpcFlowLogsEnabled practice = new VpcFlowLogsEnabled();


  @Test
  void shouldPassWhenVpcHasAnActiveFlowLogForAllTraffic() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-all-traffic.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(VPC);
    assertThat(e.reason())
        .isEqualTo(
            "VPC vpc-0a12b34c56d78e90f has flow log fl-0123456789abcdef0 (ALL to"
                + " cloud-watch-logs)");
  }

  @Test
  void shouldPassWhenVpcHasARejectFlowLogToS3() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-reject-traffic-to-s3.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("fl-0fedcba9876543210", "REJECT to s3");
  }

  @Test
  void shouldFailForAnUnusedDefaultVpcWithoutFlowLogs() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-unused-default-vpc.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource().resourceId()).isEqualTo("vpc-3f9e8d7c");
    assertThat(e.resource().region()).isEqualTo("eu-west-1");
    assertThat(e.reason()).isEqualTo("VPC vpc-3f9e8d7c (default VPC) has no flow log");
  }

  @Test
  void shouldFailWhenTheOnlyFlowLogCapturesAcceptedTrafficOnly() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-accept-only.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(VPC);
    assertThat(e.reason())
        .contains(
            "no active flow log with traffic type ALL or REJECT", "fl-0aaaabbbbccccdddd (ACCEPT");
  }

  @Test
  void shouldPassAnAcceptOnlyFlowLogWhenTheParameterAllowsIt() {
    PracticeFixtures.Fixture fixture = PracticeFixtures.load(17, "fail-accept-only.json");
    PracticeEngine engine =
        new PracticeEngine(
            List.of(practice),
            Map.of(17, PracticeParameters.of(Map.of("trafficTypes", "all, reject, accept"))));
    List<Evaluation> results = engine.evaluate(fixture.items(), fixture.at());
    assertThat(results).extracting(Evaluation::status).containsExactly(Status.PASS);
  }

  @Test
  void shouldFailWhenOnlyASubnetHasAFlowLog() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-subnet-flow-log-only.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).isEqualTo("VPC vpc-0a12b34c56d78e90f has no flow log");
  }

  @Test
  void shouldReportErrorWhenTheFlowLogsWereNotCollected() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-flow-logs-not-collected.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(VPC);
    assertThat(e.reason()).contains("supplementaryConfiguration.FlowLogs", "is missing");
  }
}
