package io.compliancestreams.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

class CallBudgetTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldLetABurstOfOneSecondThroughThenSpaceCallsAtTheRate() {
    TokenBucket bucket = new TokenBucket(2, 0);

    assertThat(bucket.reserve(0)).isZero();
    assertThat(bucket.reserve(0)).isZero();
    assertThat(bucket.reserve(0)).isEqualTo(SECOND / 2);
    assertThat(bucket.reserve(0)).isEqualTo(SECOND);
  }

  @Test
  void shouldRefillWithTimeButNotBeyondOneSecondOfCalls() {
    TokenBucket bucket = new TokenBucket(2, 0);
    bucket.reserve(0);
    bucket.reserve(0);

    assertThat(bucket.reserve(SECOND / 2)).isZero();
    assertThat(bucket.reserve(10 * SECOND)).isZero();
    assertThat(bucket.reserve(10 * SECOND)).isZero();
    assertThat(bucket.reserve(10 * SECOND)).isEqualTo(SECOND / 2);
  }

  @Test
  void shouldKeepOneBudgetPerServiceAndRegionAndWaitOutsideTheLock() {
    List<Long> waits = new ArrayList<>();
    CallBudget budget = new CallBudget(1, () -> 0L, waits::add);

    budget.beforeTransmission(null, attributes("Iam", "us-east-1"));
    budget.beforeTransmission(null, attributes("S3", "us-east-1"));
    budget.beforeTransmission(null, attributes("Iam", "eu-west-1"));
    budget.beforeTransmission(null, attributes("Iam", "us-east-1"));

    assertThat(waits).containsExactly(SECOND);
  }

  @Test
  void shouldNeverWaitWhenUnlimited() {
    List<Long> waits = new ArrayList<>();
    CallBudget budget = new CallBudget(0, () -> 0L, waits::add);

    for (int i = 0; i < 100; i++) {
      budget.beforeTransmission(null, attributes("Iam", "us-east-1"));
    }

    assertThat(budget.unlimited()).isTrue();
    assertThat(waits).isEmpty();
  }

  private static ExecutionAttributes attributes(String service, String region) {
    return ExecutionAttributes.builder()
        .put(SdkExecutionAttribute.SERVICE_NAME, service)
        .put(AwsExecutionAttribute.AWS_REGION, Region.of(region))
        .build();
  }
}
