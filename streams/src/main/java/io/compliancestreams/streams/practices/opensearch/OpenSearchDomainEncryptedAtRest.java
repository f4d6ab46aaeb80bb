package io.compliancestreams.streams.practices.opensearch;


import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Practice 22 (Opensearch.1, and ES.1 for legacy Elasticsearch domains): a domain must have
 * encryption at rest enabled. One class covers both AWS Config types; they differ only in casing
 * ({@code EncryptionAtRestOptions.Enabled} for OpenSearch, {@code encryptionAtRestOptions.enabled}
 * for Elasticsearch). A missing flag counts as not enabled, as in the Config rules.
 */
public final class OpenSearchDomainEncryptedAtRest implements Practice {

  public static final String OPENSEARCH_DOMAIN = "AWS::OpenSearch::Domain";
  public static final String ELASTICSEARCH_DOMAIN = "AWS::Elasticsearch::Domain";
  private static final String ES = "es.amazonaws.com";

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          22,
          "Opensearch.1",
          "OpenSearch (and legacy Elasticsearch) domains should have encryption at rest enabled"
              + " (Opensearch.1 / ES.1)",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(OPENSEARCH_DOMAIN, ELASTICSEARCH_DOMAIN),
          List.of(
              trigger("CreateDomain", OPENSEARCH_DOMAIN),
              trigger("UpdateDomainConfig", OPENSEARCH_DOMAIN),
              trigger("DeleteDomain", OPENSEARCH_DOMAIN),
              trigger("CreateElasticsearchDomain", ELASTICSEARCH_DOMAIN),
              trigger("UpdateElasticsearchDomainConfig", ELASTICSEARCH_DOMAIN),
              trigger("DeleteElasticsearchDomain", ELASTICSEARCH_DOMAIN),
              // An engine upgrade moves the domain from the Elasticsearch type to the OpenSearch
              // one.
              trigger("UpgradeDomain", OPENSEARCH_DOMAIN),
              trigger("UpgradeDomain", ELASTICSEARCH_DOMAIN)),
          List.of(),
          "Enable encryption at rest on the domain (it can be turned on once for an existing domain"
              + " on a recent engine version and never turned off), choosing the AWS owned key or a"
              + " customer managed KMS key. Domains on instance types or versions that cannot"
              + " encrypt must be upgraded or re-created and their indexes restored from a"
              + " snapshot.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-1"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    SearchDomain domain = SearchDomain.of(input.item());
    ResourceRef ref = domain.item().ref();
    String name = domain.engine() + " domain " + domain.name();
    Optional<Boolean> enabled = domain.encryptedAtRest();
    if (enabled.orElse(false)) {
      String key = domain.kmsKeyId().map(k -> " with KMS key " + k).orElse("");
      return List.of(Evaluation.pass(22, ref, name + " is encrypted at rest" + key));
    }
    String detail =
        domain.encryptedAtRestField() + (enabled.isPresent() ? " is false" : " is not set");
    return List.of(
        Evaluation.fail(
            22, ref, name + " does not have encryption at rest enabled (" + detail + ")"));
  }

  private static EventTrigger trigger(String eventName, String type) {
    return EventTrigger.rescan(ES, eventName, type, ResourceLocator.request("domainName"));
  }
}
