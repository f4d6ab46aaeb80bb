package io.compliancestreams.ingest.collect.services.opensearch;

import static io.compliancestreams.ingest.collect.services.CollectorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.services.MotoTestBase;
import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticsearch.model.ESPartitionInstanceType;
import software.amazon.awssdk.services.opensearch.model.OpenSearchPartitionInstanceType;
import software.amazon.awssdk.services.opensearch.model.VolumeType;

/** The OpenSearch and Elasticsearch domain collectors against a real moto server. */
class OpenSearchCollectorsMotoTest extends MotoTestBase {

  private static final String KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/8e3a1c52-4d6f-47b0-9a21-5f7e0c3d9b14";

  @Test
  void shouldCollectOpenSearchDomainsByNameInAwsConfigShape() {
    var client = harness.clients().openSearch();
    client.createDomain(r -> r.domainName("search-prod").engineVersion("OpenSearch_2.13")
        .clusterConfig(c -> c.instanceType(OpenSearchPartitionInstanceType.R6_G_LARGE_SEARCH).instanceCount(3)
            .dedicatedMasterEnabled(false).zoneAwarenessEnabled(true).warmEnabled(false))
        .ebsOptions(e -> e.ebsEnabled(true).volumeSize(100).volumeType(VolumeType.GP3))
        .nodeToNodeEncryptionOptions(n -> n.enabled(true))
        .domainEndpointOptions(d -> d.enforceHTTPS(true).tlsSecurityPolicy("Policy-Min-TLS-1-2-2019-07")
            .customEndpointEnabled(false))
        .vpcOptions(v -> v.subnetIds("subnet-0123abcd4567ef890").securityGroupIds("sg-0c1d2e3f4a5b6c7d8"))
        .encryptionAtRestOptions(e -> e.enabled(true).kmsKeyId(KEY)));

    List<ResourceSnapshot> snapshots = harness.collect(new OpenSearchDomainCollector());

    assertThat(snapshots).hasSize(1);
    String arn = "arn:aws:es:us-east-1:" + ACCOUNT + ":domain/search-prod";
    ResourceSnapshot s = snapshots.get(0);
    SnapshotAssert.envelope(s, "AWS::OpenSearch::Domain", "search-prod", REGION, arn, "search-prod");
    SnapshotAssert.configuration(s, """
        {"Arn": "%s", "DomainName": "search-prod", "EngineVersion": "OpenSearch_2.13", "Id": "%s/search-prod",
         "ClusterConfig": {"InstanceCount": 3, "InstanceType": "r6g.large.search", "DedicatedMasterEnabled": false,
                           "ZoneAwarenessEnabled": true, "WarmEnabled": false,
                           "ColdStorageOptions": {"Enabled": false}},
         "EBSOptions": {"EBSEnabled": true, "VolumeSize": 100, "VolumeType": "gp3"},
         "NodeToNodeEncryptionOptions": {"Enabled": true},
         "DomainEndpointOptions": {"EnforceHTTPS": true, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07",
                                   "CustomEndpointEnabled": false},
         "VPCOptions": {"SubnetIds": ["subnet-0123abcd4567ef890"], "SecurityGroupIds": ["sg-0c1d2e3f4a5b6c7d8"]},
         "EncryptionAtRestOptions": {"Enabled": true, "KmsKeyId": "%s"}}
        """.formatted(arn, ACCOUNT, KEY));
  }

  @Test
  void shouldDescribeOpenSearchDomainsInBatchesOfFive() {
    var client = harness.clients().openSearch();
    List<String> names = IntStream.range(0, 7).mapToObj(i -> "logs-" + i).toList();
    names.forEach(n -> client.createDomain(r -> r.domainName(n).engineVersion("OpenSearch_2.13")));

    long before = describeDomainsCalls();

    List<ResourceSnapshot> snapshots = harness.collect(new OpenSearchDomainCollector());

    assertThat(snapshots).extracting(ResourceSnapshot::getResourceId).containsExactlyInAnyOrderElementsOf(names);
    assertThat(describeDomainsCalls() - before).isEqualTo(2);
    // moto answers Enabled=false for a domain created without the option.
    assertThat(snapshots.get(0).getConfiguration()).contains("\"EncryptionAtRestOptions\":{\"Enabled\":false}");
  }

  @Test
  void shouldCollectElasticsearchDomainsByDomainIdInCamelCase() {
    var es = harness.clients().elasticsearch();
    es.createElasticsearchDomain(r -> r.domainName("legacy-logs").elasticsearchVersion("7.10")
        .elasticsearchClusterConfig(c -> c.instanceType(ESPartitionInstanceType.M5_LARGE_ELASTICSEARCH)
            .instanceCount(2).dedicatedMasterEnabled(false).zoneAwarenessEnabled(false))
        .ebsOptions(e -> e.ebsEnabled(true).volumeSize(35).volumeType("gp2"))
        .encryptionAtRestOptions(e -> e.enabled(false))
        .nodeToNodeEncryptionOptions(n -> n.enabled(false)));
    harness.clients().openSearch().createDomain(r -> r.domainName("not-elasticsearch").engineVersion("OpenSearch_2.13"));

    List<ResourceSnapshot> snapshots = harness.collect(new ElasticsearchDomainCollector());

    assertThat(snapshots).hasSize(1);
    String arn = "arn:aws:es:us-east-1:" + ACCOUNT + ":domain/legacy-logs";
    ResourceSnapshot s = snapshots.get(0);
    SnapshotAssert.envelope(s, "AWS::Elasticsearch::Domain", ACCOUNT + "/legacy-logs", REGION, arn, "legacy-logs");
    SnapshotAssert.configuration(s, """
        {"arn": "%s", "domainId": "%s/legacy-logs", "domainName": "legacy-logs", "elasticsearchVersion": "7.10",
         "created": true, "deleted": false, "processing": false, "upgradeProcessing": false,
         "elasticsearchClusterConfig": {"instanceType": "m5.large.elasticsearch", "instanceCount": 2,
                                        "dedicatedMasterEnabled": false, "zoneAwarenessEnabled": false},
         "ebsoptions": {"ebsenabled": true, "volumeType": "gp2", "volumeSize": 35},
         "encryptionAtRestOptions": {"enabled": false},
         "nodeToNodeEncryptionOptions": {"enabled": false}}
        """.formatted(arn, ACCOUNT));
  }

  private static long describeDomainsCalls() {
    return harness.clients().calls().byOperation().getOrDefault("OpenSearch:DescribeDomains", 0L);
  }

  @Test
  void shouldSplitNamesIntoBatchesOfFive() {
    assertThat(OpenSearchCollectors.batches(List.of("a", "b", "c", "d", "e", "f")))
        .containsExactly(List.of("a", "b", "c", "d", "e"), List.of("f"));
    assertThat(OpenSearchCollectors.batches(List.of())).isEmpty();
  }
}
