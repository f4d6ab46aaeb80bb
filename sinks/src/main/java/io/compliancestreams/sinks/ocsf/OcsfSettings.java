package io.compliancestreams.sinks.ocsf;

import io.compliancestreams.schemas.clients.KafkaClientConfig;
import java.util.Map;
import java.util.Objects;

/**
 * The OCSF sink.
 *
 * @param kafka the deployment's Kafka client properties, for the OCSF topic's producer
 * @param topic the (prefixed) OCSF topic, by default {@value #DEFAULT_TOPIC}; key = finding id
 * @param vendorName {@code metadata.product.vendor_name}
 * @param productVersion {@code metadata.product.version}: the build's version unless a test says
 *     otherwise
 * @param version the OCSF version written, {@link OcsfVersion#DEFAULT} unless configured
 * @param hec a Splunk HTTP Event Collector to POST to as well, or null
 * @param producerOverrides extra producer properties (security), applied before the ones the
 *     guarantees rest on (acks=all, idempotence)
 */
public record OcsfSettings(KafkaClientConfig kafka, String topic, String vendorName, String productVersion,
    OcsfVersion version, HecSettings hec, Map<String, Object> producerOverrides) {

  public static final String DEFAULT_TOPIC = "compliance.finding.ocsf.v1";

  public OcsfSettings {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(vendorName, "vendorName");
    Objects.requireNonNull(productVersion, "productVersion");
    Objects.requireNonNull(version, "version");
    producerOverrides = Map.copyOf(producerOverrides);
  }

  public static OcsfSettings of(String bootstrapServers, String topic) {
    return of(KafkaClientConfig.plaintext(bootstrapServers), topic);
  }

  /** OCSF {@link OcsfVersion#DEFAULT}, product version = this build's. */
  public static OcsfSettings of(KafkaClientConfig kafka, String topic) {
    return new OcsfSettings(kafka, topic, "Compliance Streams", ProductVersion.current(), OcsfVersion.DEFAULT,
        null, Map.of());
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public OcsfSettings withHec(HecSettings value) {
    return new OcsfSettings(kafka, topic, vendorName, productVersion, version, value, producerOverrides);
  }

  public OcsfSettings withVersion(OcsfVersion value) {
    return new OcsfSettings(kafka, topic, vendorName, productVersion, value, hec, producerOverrides);
  }
}
