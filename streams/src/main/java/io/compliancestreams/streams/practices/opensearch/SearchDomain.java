package io.compliancestreams.streams.practices.opensearch;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.Optional;

/**
 * An {@value OpenSearchDomainEncryptedAtRest#OPENSEARCH_DOMAIN} item (PascalCase) or an {@value
 * OpenSearchDomainEncryptedAtRest#ELASTICSEARCH_DOMAIN} item (camelCase), read through one shape.
 */
record SearchDomain(ConfigurationItem item, ItemReader config) {

  /** Field names of the two recorded shapes. */
  private enum Casing {
    PASCAL("OpenSearch", "DomainName", "EncryptionAtRestOptions", "Enabled", "KmsKeyId"),
    CAMEL("Elasticsearch", "domainName", "encryptionAtRestOptions", "enabled", "kmsKeyId");

    final String engine;
    final String domainName;
    final String options;
    final String enabled;
    final String kmsKeyId;

    Casing(String engine, String domainName, String options, String enabled, String kmsKeyId) {
      this.engine = engine;
      this.domainName = domainName;
      this.options = options;
      this.enabled = enabled;
      this.kmsKeyId = kmsKeyId;
    }
  }

  static SearchDomain of(ConfigurationItem item) {
    return new SearchDomain(item, ItemReader.configuration(item).requiredObject());
  }

  /** OpenSearch or Elasticsearch. */
  String engine() {
    return casing().engine;
  }

  String name() {
    return config.field(casing().domainName).text().orElse(item.displayName());
  }

  /** The encryption-at-rest flag, empty when the domain records none. */
  Optional<Boolean> encryptedAtRest() {
    return options().field(casing().enabled).lenientBool();
  }

  Optional<String> kmsKeyId() {
    return options().field(casing().kmsKeyId).text();
  }

  /** E.g. {@code EncryptionAtRestOptions.Enabled}, as the shape names it, for reasons. */
  String encryptedAtRestField() {
    return casing().options + "." + casing().enabled;
  }

  private ItemReader options() {
    return config.field(casing().options).object();
  }

  private Casing casing() {
    return item.resourceType().equals(OpenSearchDomainEncryptedAtRest.OPENSEARCH_DOMAIN)
        ? Casing.PASCAL
        : Casing.CAMEL;
  }
}
