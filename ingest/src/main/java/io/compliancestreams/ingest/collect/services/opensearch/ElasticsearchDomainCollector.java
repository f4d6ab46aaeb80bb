package io.compliancestreams.ingest.collect.services.opensearch;

import static io.compliancestreams.schemas.contract.ResourceTypes.ELASTICSEARCH_DOMAIN;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import software.amazon.awssdk.services.elasticsearch.ElasticsearchClient;
import software.amazon.awssdk.services.elasticsearch.model.DomainInfo;
import software.amazon.awssdk.services.elasticsearch.model.EBSOptions;
import software.amazon.awssdk.services.elasticsearch.model.ElasticsearchClusterConfig;
import software.amazon.awssdk.services.elasticsearch.model.ElasticsearchDomainStatus;
import software.amazon.awssdk.services.elasticsearch.model.EngineType;

/**
 * {@code AWS::Elasticsearch::Domain} (practice 22): the legacy Elasticsearch API's
 * ListDomainNames(engineType Elasticsearch), then DescribeElasticsearchDomains in batches of 5
 * (that API reports {@code ElasticsearchVersion} as AWS Config records it, e.g. {@code 7.10}).
 * AWS Config's camelCase (bean-style) shape, including its lower-cased {@code ebsoptions} and
 * {@code ebsenabled}. Convention, as AWS Config records this older type: resourceId is the
 * DomainId {@code <account>/<name>}, resourceName the name.
 */
final class ElasticsearchDomainCollector implements Collector {

  @Override
  public String name() {
    return "opensearch.elasticsearch-domains";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(ELASTICSEARCH_DOMAIN);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    ElasticsearchClient client = context.clients().elasticsearch();
    List<String> names = client.listDomainNames(r -> r.engineType(EngineType.ELASTICSEARCH)).domainNames()
        .stream().map(DomainInfo::domainName).toList();
    for (List<String> batch : OpenSearchCollectors.batches(names)) {
      for (ElasticsearchDomainStatus domain
          : client.describeElasticsearchDomains(r -> r.domainNames(batch)).domainStatusList()) {
        sink.accept(context.snapshot(context.region(), ELASTICSEARCH_DOMAIN, domain.domainId())
            .arn(domain.arn())
            .name(domain.domainName())
            .configuration(configuration(domain))
            .build());
      }
    }
  }

  static ObjectNode configuration(ElasticsearchDomainStatus d) {
    ObjectNode c = JsonFields.object()
        .put("arn", d.arn())
        .put("domainId", d.domainId())
        .put("domainName", d.domainName())
        .put("elasticsearchVersion", d.elasticsearchVersion())
        .put("created", d.created())
        .put("deleted", d.deleted())
        .put("processing", d.processing())
        .put("upgradeProcessing", d.upgradeProcessing());
    ElasticsearchClusterConfig cluster = d.elasticsearchClusterConfig();
    if (cluster != null) {
      c.putObject("elasticsearchClusterConfig")
          .put("instanceType", cluster.instanceTypeAsString())
          .put("instanceCount", cluster.instanceCount())
          .put("dedicatedMasterEnabled", cluster.dedicatedMasterEnabled())
          .put("zoneAwarenessEnabled", cluster.zoneAwarenessEnabled());
    }
    EBSOptions ebs = d.ebsOptions();
    if (ebs != null) {
      ObjectNode node = c.putObject("ebsoptions").put("ebsenabled", ebs.ebsEnabled());
      JsonFields.putPresent(node, "volumeType", ebs.volumeTypeAsString());
      JsonFields.putPresent(node, "volumeSize", ebs.volumeSize());
    }
    if (d.encryptionAtRestOptions() != null) {
      ObjectNode node = c.putObject("encryptionAtRestOptions")
          .put("enabled", d.encryptionAtRestOptions().enabled());
      JsonFields.putPresent(node, "kmsKeyId", d.encryptionAtRestOptions().kmsKeyId());
    }
    if (d.nodeToNodeEncryptionOptions() != null) {
      c.putObject("nodeToNodeEncryptionOptions").put("enabled", d.nodeToNodeEncryptionOptions().enabled());
    }
    return c;
  }
}
