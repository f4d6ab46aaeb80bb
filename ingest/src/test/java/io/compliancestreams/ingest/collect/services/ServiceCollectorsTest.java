package io.compliancestreams.ingest.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue of service collectors: explicit, stable, one collector per type, all regional. */
class ServiceCollectorsTest {

  @Test
  void shouldListTheCollectorsInAStableOrder() {
    assertThat(ServiceCollectors.all()).extracting(Collector::name).containsExactly(
        "ec2.volumes", "ec2.vpcs", "ec2.security-groups", "ec2.ebs-encryption-by-default", "ec2.snapshots",
        "dms.replication-instances", "opensearch.domains", "opensearch.elasticsearch-domains",
        "sagemaker.notebook-instances", "lambda.functions", "kms.keys", "guardduty.detectors");
  }

  @Test
  void shouldCoverEachTypeOnceAndRunPerRegion() {
    List<String> types = ServiceCollectors.all().stream().flatMap(c -> c.resourceTypes().stream()).toList();
    assertThat(types).containsExactlyInAnyOrder(
        ResourceTypes.EC2_VOLUME, ResourceTypes.EC2_VPC, ResourceTypes.EC2_SECURITY_GROUP,
        ResourceTypes.EC2_EBS_ENCRYPTION_BY_DEFAULT, ResourceTypes.EC2_SNAPSHOT, ResourceTypes.DMS_REPLICATION_INSTANCE,
        ResourceTypes.OPENSEARCH_DOMAIN, ResourceTypes.ELASTICSEARCH_DOMAIN, ResourceTypes.SAGEMAKER_NOTEBOOK_INSTANCE,
        ResourceTypes.LAMBDA_FUNCTION, ResourceTypes.KMS_KEY, ResourceTypes.GUARDDUTY_DETECTORS);
    assertThat(ServiceCollectors.all()).allSatisfy(c -> assertThat(c.coverage()).isEqualTo(Collector.Coverage.REGIONAL));
  }
}
