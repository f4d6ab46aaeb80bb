package io.compliancestreams.streams.practices.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class OpenSearchDomainEncryptedAtRestTest {

  private final OpenSearchDomainEncryptedAtRest practice = new OpenSearchDomainEncryptedAtRest();


  private static ResourceRef domain(String type, String id, String name) {
    return new ResourceRef(
        "111122223333", "eu-west-1", type, id, "arn:aws:es:eu-west-1:111122223333:domain/" + name);
  }

  @Test
  void shouldPassWhenOpenSearchDomainIsEncryptedAtRest() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-opensearch-encrypted.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource())
        .isEqualTo(domain("AWS::OpenSearch::Domain", "search-prod", "search-prod"));
    assertThat(e.reason())
        .isEqualTo(
            "OpenSearch domain search-prod is encrypted at rest with KMS key"
                + " arn:aws:kms:eu-west-1:111122223333:key/8e3a1c52-4d6f-47b0-9a21-5f7e0c3d9b14");
  }

  @Test
  void shouldPassWhenElasticsearchDomainIsEncryptedReadingCamelCase() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-elasticsearch-encrypted.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource())
        .isEqualTo(domain("AWS::Elasticsearch::Domain", "111122223333/app-logs", "app-logs"));
    assertThat(e.reason()).isEqualTo("Elasticsearch domain app-logs is encrypted at rest");
  }

  @Test
  void shouldFailWhenOpenSearchEncryptionIsDisabled() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-opensearch-not-encrypted.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource().resourceId()).isEqualTo("search-staging");
    assertThat(e.reason())
        .isEqualTo(
            "OpenSearch domain search-staging does not have encryption at rest enabled"
                + " (EncryptionAtRestOptions.Enabled is false)");
  }

  @Test
  void shouldFailWhenEncryptionOptionsAreAbsent() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-opensearch-options-absent.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).endsWith("(EncryptionAtRestOptions.Enabled is not set)");
  }

  @Test
  void shouldFailWhenElasticsearchEncryptionIsDisabled() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-elasticsearch-not-encrypted.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource())
        .isEqualTo(domain("AWS::Elasticsearch::Domain", "111122223333/legacy-logs", "legacy-logs"));
    assertThat(e.reason()).contains("legacy-logs", "encryptionAtRestOptions.enabled is false");
  }

  @Test
  void shouldReportErrorWhenTheFlagIsNotABoolean() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-enabled-not-boolean.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason())
        .contains("configuration.EncryptionAtRestOptions.Enabled", "expected true or false");
  }
}
