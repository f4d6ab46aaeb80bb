package io.compliancestreams.streams.practices.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class EbsEncryptionByDefaultEnabledTest {

  private final EbsEncryptionByDefaultEnabled practice = new EbsEncryptionByDefaultEnabled();

  @Test
  void shouldPassWhenEncryptionByDefaultIsEnabled() {
    List<Evaluation> results = PracticeFixtures.evaluate(practice, "pass-enabled.json");
    assertThat(results).hasSize(1);
    Evaluation e = results.get(0);
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(ResourceRef.accountRegion("111122223333", "eu-west-1"));
    assertThat(e.reason())
        .isEqualTo(
            "EBS encryption by default is enabled in account 111122223333, Region eu-west-1"
                + " (default key alias/aws/ebs)");
  }

  @Test
  void shouldFailOnlyTheRegionWhereItIsDisabled() {
    List<Evaluation> results =
        PracticeFixtures.evaluate(practice, "fail-disabled-in-unused-region.json");
    assertThat(results).hasSize(2);
    Evaluation failed =
        results.stream().filter(e -> e.status() == Status.FAIL).findFirst().orElseThrow();
    assertThat(failed.resource())
        .isEqualTo(ResourceRef.accountRegion("111122223333", "ap-southeast-3"));
    assertThat(failed.reason())
        .isEqualTo(
            "EBS encryption by default is disabled in account 111122223333, Region ap-southeast-3");
    assertThat(results)
        .filteredOn(e -> e.resource().region().equals("eu-west-1"))
        .extracting(Evaluation::status)
        .containsExactly(Status.PASS);
  }

  @Test
  void shouldReportErrorWhenTheFlagIsMissing() {
    List<Evaluation> results = PracticeFixtures.evaluate(practice, "error-flag-missing.json");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).status()).isEqualTo(Status.ERROR);
    assertThat(results.get(0).resource())
        .isEqualTo(ResourceRef.accountRegion("111122223333", "eu-west-1"));
    assertThat(results.get(0).reason())
        .contains("configuration.EbsEncryptionByDefault", "is missing");
  }
}
