package io.compliancestreams.streams.practices.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.PracticeParameters;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketBlockPublicAccessEnabledTest {

  private final BucketBlockPublicAccessEnabled practice = new BucketBlockPublicAccessEnabled();

  private static Evaluation only(List<Evaluation> evaluations, String bucket, String region) {
    assertThat(evaluations).hasSize(1);
    Evaluation e = evaluations.get(0);
    assertThat(e.practice()).isEqualTo(11);
    assertThat(e.resource().resourceType()).isEqualTo("AWS::S3::Bucket");
    assertThat(e.resource().resourceId()).isEqualTo(bucket);
    assertThat(e.resource().arn()).isEqualTo("arn:aws:s3:::" + bucket);
    assertThat(e.resource().accountId()).isEqualTo("111122223333");
    assertThat(e.resource().region()).isEqualTo(region);
    return e;
  }

  private Evaluation only(String fixture, String bucket, String region) {
    return only(PracticeFixtures.evaluate(practice, fixture), bucket, region);
  }

  @Test
  void shouldPassWhenAllFourBucketFlagsAreOn() {
    Evaluation e = only("pass-all-four-enabled.json", "acme-analytics-raw-111122223333", "eu-west-1");

    assertThat(e.status()).isEqualTo(Status.PASS);
  }

  @Test
  void shouldFailWhenTheBucketHasNoConfiguration() {
    Evaluation e = only("fail-no-bucket-configuration.json", "legacy-website-assets", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("legacy-website-assets has no bucket-level");
  }

  @Test
  void shouldFailEvenWhenTheAccountSettingIsFullyOn() {
    Evaluation e = only("fail-only-account-level-enabled.json", "legacy-website-assets", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void shouldFailNamingThePolicyFlagsThatAreOff() {
    Evaluation e = only("fail-policy-flags-off.json", "acme-public-downloads", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).endsWith("not enabled: blockPublicPolicy, restrictPublicBuckets");
  }

  @Test
  void shouldBeNotApplicableForAnExcludedBucket() {
    var loaded = PracticeFixtures.load(11, "fail-policy-flags-off.json");
    var engine =
        new PracticeEngine(
            List.of(practice),
            Map.of(
                11,
                PracticeParameters.of(
                    Map.of("excludedPublicBuckets", "other-bucket, acme-public-downloads"))));

    Evaluation e =
        only(engine.evaluate(loaded.items(), loaded.at()), "acme-public-downloads", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.reason()).contains("excludedPublicBuckets");
  }

  @Test
  void shouldReportErrorNamingAFlagThatIsNotBoolean() {
    Evaluation e = only("error-flag-not-boolean.json", "acme-public-downloads", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("PublicAccessBlockConfiguration.blockPublicAcls");
  }
}
