package io.compliancestreams.ingest.collect.services.sagemaker;

import static io.compliancestreams.ingest.collect.services.CollectorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.services.MotoTestBase;
import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DirectInternetAccess;
import software.amazon.awssdk.services.sagemaker.model.InstanceType;

/** The SageMaker notebook collector against a real moto server (which paginates this listing). */
class SageMakerCollectorsMotoTest extends MotoTestBase {

  private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/service-role/AmazonSageMaker-ExecutionRole";

  @Test
  void shouldCollectNotebookInstancesByNameWithDirectInternetAccess() {
    var sageMaker = harness.clients().sageMaker();
    sageMaker.createNotebookInstance(r -> r.notebookInstanceName("churn-model-dev").instanceType(InstanceType.ML_T3_MEDIUM)
        .roleArn(ROLE).directInternetAccess(DirectInternetAccess.DISABLED).subnetId("subnet-0123abcd4567ef890")
        .securityGroupIds("sg-0e4f5a6b7c8d9e0f1").volumeSizeInGB(20));
    sageMaker.createNotebookInstance(r -> r.notebookInstanceName("quick-experiments").instanceType(InstanceType.ML_T3_MEDIUM)
        .roleArn(ROLE));

    List<ResourceSnapshot> snapshots = harness.collect(new NotebookInstanceCollector(100));

    assertThat(snapshots).hasSize(2);
    String arn = "arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":notebook-instance/churn-model-dev";
    ResourceSnapshot vpcOnly = only(snapshots, "churn-model-dev");
    SnapshotAssert.envelope(vpcOnly, "AWS::SageMaker::NotebookInstance", "churn-model-dev", REGION, arn,
        "churn-model-dev");
    var config = io.compliancestreams.ingest.collect.services.CollectorHarness.json(vpcOnly.getConfiguration());
    assertThat(config.get("NotebookInstanceName").textValue()).isEqualTo("churn-model-dev");
    assertThat(config.get("InstanceType").textValue()).isEqualTo("ml.t3.medium");
    assertThat(config.get("RoleArn").textValue()).isEqualTo(ROLE);
    assertThat(config.get("DirectInternetAccess").textValue()).isEqualTo("Disabled");
    assertThat(config.get("VolumeSizeInGB").intValue()).isEqualTo(20);
    assertThat(config.get("SubnetId").textValue()).isEqualTo("subnet-0123abcd4567ef890");
    assertThat(config.get("SecurityGroupIds")).hasSize(1);
    assertThat(config.get("Id").textValue()).isEqualTo(arn);
    // CreateNotebookInstance defaults DirectInternetAccess to Enabled.
    var defaulted = io.compliancestreams.ingest.collect.services.CollectorHarness.json(
        only(snapshots, "quick-experiments").getConfiguration());
    assertThat(defaulted.get("DirectInternetAccess").textValue()).isEqualTo("Enabled");
    assertThat(defaulted.has("SubnetId")).isFalse();
  }

  @Test
  void shouldFollowListNotebookInstancesPages() {
    var sageMaker = harness.clients().sageMaker();
    List<String> names = IntStream.range(0, 7).mapToObj(i -> "notebook-" + i).toList();
    names.forEach(n -> sageMaker.createNotebookInstance(r -> r.notebookInstanceName(n)
        .instanceType(InstanceType.ML_T3_MEDIUM).roleArn(ROLE)));
    long before = listCalls();

    List<ResourceSnapshot> snapshots = harness.collect(new NotebookInstanceCollector(3));

    assertThat(snapshots).extracting(ResourceSnapshot::getResourceId).containsExactlyInAnyOrderElementsOf(names);
    assertThat(listCalls() - before).isEqualTo(3);
  }

  private static long listCalls() {
    return harness.clients().calls().byOperation().getOrDefault("SageMaker:ListNotebookInstances", 0L);
  }
}
