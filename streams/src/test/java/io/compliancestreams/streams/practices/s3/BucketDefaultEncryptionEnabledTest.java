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

class BucketDefaultEncryptionEnabledTest {

  private final BucketDefaultEncryptionEnabled practice = new BucketDefaultEncryptionEnabled();

  private static Evaluation only(List<Evaluation> evaluations, String bucket, String region) {
    assertThat(evaluations).hasSize(1);
    Evaluation e = evaluations.get(0);
    assertThat(e.practice()).isEqualTo(10);
    assertThat(e.resource().resourceType()).isEqualTo("AWS::S3::Bucket");
    assertThat(e.resource().resourceId()).isEqualTo(bucket);
    assertThat(e.resource().accountId()).isEqualTo("111122223333");
    assertThat(e.resource().region()).isEqualTo(region);
    return e;
  }

  private Evaluation only(String fixture, String bucket, String region) {
    return only(PracticeFixtures.evaluate(practice, fixture), bucket, region);
  }

  private List<Evaluation> withRequireKms(String fixture) {
    var loaded = PracticeFixtures.load(10, fixture);
    var engine =
        new PracticeEngine(
            List.of(practice),
            Map.of(10, PracticeParameters.of(Map.of("requireKmsEncryption", "true"))));
    return engine.evaluate(loaded.items(), loaded.at());
  }

  @Test
  void shouldPassWhenTheBucketHasTheSseS3Default() {
    Evaluation e = only("pass-sse-s3-default.json", "acme-analytics-raw-111122223333", "eu-west-1");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("with AES256");
  }

  @Test
  void shouldPassWhenSupplementaryValuesArriveAsJsonStrings() {
    Evaluation e = only("pass-api-shape-json-strings.json", "acme-cdn-logs", "us-west-2");

    assertThat(e.status()).isEqualTo(Status.PASS);
  }

  @Test
  void shouldFailWhenGetBucketEncryptionShowsNoRule() {
    Evaluation e = only("fail-no-encryption-rule.json", "legacy-website-assets", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason())
        .isEqualTo("Bucket legacy-website-assets has no default server-side encryption rule");
  }

  @Test
  void shouldFailWhenNoRuleSetsADefaultAlgorithm() {
    Evaluation e = only("fail-rule-without-default-algorithm.json", "legacy-reports", "us-east-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("legacy-reports");
  }

  @Test
  void shouldFailSseS3WhenKmsIsRequired() {
    Evaluation e =
        only(
            withRequireKms("pass-sse-s3-default.json"),
            "acme-analytics-raw-111122223333",
            "eu-west-1");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("AES256").contains("requireKmsEncryption");
  }

  @Test
  void shouldPassSseKmsWhenKmsIsRequired() {
    Evaluation e = only(withRequireKms("pass-sse-kms-default.json"), "acme-payments-exports", "eu-west-1");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.reason()).contains("aws:kms");
  }

  @Test
  void shouldReportErrorWhenRulesIsNotAnArray() {
    Evaluation e = only("error-rules-not-an-array.json", "acme-analytics-raw-111122223333", "eu-west-1");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason()).contains("ServerSideEncryptionConfiguration.rules");
  }

  @Test
  void shouldDocumentTheRetirementInTheRemediation() {
    assertThat(practice.metadata().remediation()).contains("retired").contains("January 2023");
  }
}
