package io.compliancestreams.ingest.collect.services.opensearch;

import static io.compliancestreams.schemas.contract.ResourceTypes.OPENSEARCH_DOMAIN;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.DomainInfo;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.opensearch.model.EngineType;

/**
 * {@code AWS::OpenSearch::Domain} (practice 22): ListDomainNames(engineType OpenSearch), then
 * DescribeDomains in batches of 5. AWS Config's PascalCase (CloudFormation) shape: {@code Arn},
 * {@code DomainName}, {@code EngineVersion}, {@code Id} (the API's DomainId, {@code
 * <account>/<name>}), the option blocks in API shape, {@code VPCOptions} reduced to subnets and
 * security groups. Convention, as AWS Config records it: resourceId is the domain NAME.
 * ListDomainNames is not paginated.
 */
final class OpenSearchDomainCollector implements Collector {

  @Override
  public String name() {
    return "opensearch.domains";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(OPENSEARCH_DOMAIN);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    OpenSearchClient client = context.clients().openSearch();
    List<String> names = client.listDomainNames(r -> r.engineType(EngineType.OPEN_SEARCH)).domainNames()
        .stream().map(DomainInfo::domainName).toList();
    for (List<String> batch : OpenSearchCollectors.batches(names)) {
      for (DomainStatus domain : client.describeDomains(r -> r.domainNames(batch)).domainStatusList()) {
        sink.accept(context.snapshot(context.region(), OPENSEARCH_DOMAIN, domain.domainName())
            .arn(domain.arn())
            .name(domain.domainName())
            .configuration(configuration(domain))
            .build());
      }
    }
  }

  static ObjectNode configuration(DomainStatus d) {
    ObjectNode c = JsonFields.object()
        .put("Arn", d.arn())
        .put("DomainName", d.domainName());
    JsonFields.putPresent(c, "EngineVersion", d.engineVersion());
    c.put("Id", d.domainId());
    if (d.clusterConfig() != null) {
      c.set("ClusterConfig", ApiJson.of(d.clusterConfig()));
    }
    if (d.ebsOptions() != null) {
      c.set("EBSOptions", ApiJson.of(d.ebsOptions()));
    }
    if (d.nodeToNodeEncryptionOptions() != null) {
      c.set("NodeToNodeEncryptionOptions", ApiJson.of(d.nodeToNodeEncryptionOptions()));
    }
    if (d.domainEndpointOptions() != null) {
      c.set("DomainEndpointOptions", ApiJson.of(d.domainEndpointOptions()));
    }
    if (d.vpcOptions() != null) {
      ObjectNode vpc = c.putObject("VPCOptions");
      vpc.set("SubnetIds", JsonFields.strings(d.vpcOptions().subnetIds()));
      vpc.set("SecurityGroupIds", JsonFields.strings(d.vpcOptions().securityGroupIds()));
    }
    // Absent options stay absent: the practice reads a missing block as "not encrypted".
    if (d.encryptionAtRestOptions() != null) {
      c.set("EncryptionAtRestOptions", ApiJson.of(d.encryptionAtRestOptions()));
    }
    return c;
  }
}
