package io.compliancestreams.streams.practices.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compliancestreams.streams.practices.PracticeFixtures;
import org.junit.jupiter.api.Test;

class S3BucketTest {

  private static S3Bucket bucket(String fixture) {
    return S3Bucket.of(PracticeFixtures.load(10, fixture).items().get(0));
  }

  @Test
  void shouldReadTheDefaultAlgorithmFromTheSupplementaryConfiguration() {
    assertThat(bucket("pass-sse-kms-default.json").defaultEncryptionAlgorithm()).contains("aws:kms");
  }

  @Test
  void shouldReadTheApiShapeWhoseSupplementaryValuesAreJsonStrings() {
    assertThat(bucket("pass-api-shape-json-strings.json").defaultEncryptionAlgorithm())
        .contains("AES256");
  }

  @Test
  void shouldHaveNoAlgorithmWhenNoRuleSetsOne() {
    assertThat(bucket("fail-rule-without-default-algorithm.json").defaultEncryptionAlgorithm())
        .isEmpty();
  }

  @Test
  void shouldNameTheRulesWhenTheyAreNotAnArray() {
    assertThatThrownBy(() -> bucket("error-rules-not-an-array.json").defaultEncryptionAlgorithm())
        .hasMessageStartingWith(
            "supplementaryConfiguration.ServerSideEncryptionConfiguration.rules: expected an array");
  }
}
