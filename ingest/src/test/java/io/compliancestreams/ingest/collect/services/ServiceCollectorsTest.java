package io.compliancestreams.ingest.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.Collector;
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
        ServiceTypes.EC2_VOLUME, ServiceTypes.EC2_VPC, ServiceTypes.EC2_SECURITY_GROUP,
        ServiceTypes.EBS_ENCRYPTION_BY_DEFAULT, ServiceTypes.EC2_SNAPSHOT, ServiceTypes.DMS_REPLICATION_INSTANCE,
        ServiceTypes.OPENSEARCH_DOMAIN, ServiceTypes.ELASTICSEARCH_DOMAIN, ServiceTypes.SAGEMAKER_NOTEBOOK_INSTANCE,
        ServiceTypes.LAMBDA_FUNCTION, ServiceTypes.KMS_KEY, ServiceTypes.GUARDDUTY_DETECTORS);
    assertThat(ServiceCollectors.all()).allSatisfy(c -> assertThat(c.coverage()).isEqualTo(Collector.Coverage.REGIONAL));
  }
}
