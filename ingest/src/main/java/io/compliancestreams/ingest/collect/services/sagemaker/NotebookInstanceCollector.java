package io.compliancestreams.ingest.collect.services.sagemaker;

import static io.compliancestreams.schemas.contract.ResourceTypes.SAGEMAKER_NOTEBOOK_INSTANCE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeNotebookInstanceResponse;
import software.amazon.awssdk.services.sagemaker.model.NotebookInstanceSummary;

/**
 * {@code AWS::SageMaker::NotebookInstance} (practice 23): ListNotebookInstances, then
 * DescribeNotebookInstance per instance (the listing has no DirectInternetAccess). AWS Config's
 * PascalCase (CloudFormation) shape; {@code SubnetId} and {@code SecurityGroupIds} only for
 * instances in a VPC. Convention, as AWS Config records it: resourceId is the instance NAME,
 * {@code Id} the ARN.
 */
final class NotebookInstanceCollector implements Collector {

  private final int pageSize;

  NotebookInstanceCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "sagemaker.notebook-instances";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(SAGEMAKER_NOTEBOOK_INSTANCE);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    SageMakerClient client = context.clients().sageMaker();
    for (NotebookInstanceSummary summary
        : client.listNotebookInstancesPaginator(r -> r.maxResults(pageSize)).notebookInstances()) {
      DescribeNotebookInstanceResponse instance =
          client.describeNotebookInstance(r -> r.notebookInstanceName(summary.notebookInstanceName()));
      sink.accept(context.snapshot(context.region(), SAGEMAKER_NOTEBOOK_INSTANCE, instance.notebookInstanceName())
          .arn(instance.notebookInstanceArn())
          .name(instance.notebookInstanceName())
          .configuration(configuration(instance))
          .build());
    }
  }

  static ObjectNode configuration(DescribeNotebookInstanceResponse i) {
    ObjectNode c = JsonFields.object();
    JsonFields.putPresent(c, "NotebookInstanceName", i.notebookInstanceName());
    JsonFields.putPresent(c, "InstanceType", i.instanceTypeAsString());
    JsonFields.putPresent(c, "RoleArn", i.roleArn());
    JsonFields.putPresent(c, "DirectInternetAccess", i.directInternetAccessAsString());
    JsonFields.putPresent(c, "RootAccess", i.rootAccessAsString());
    JsonFields.putPresent(c, "VolumeSizeInGB", i.volumeSizeInGB());
    JsonFields.putPresent(c, "KmsKeyId", i.kmsKeyId());
    JsonFields.putPresent(c, "PlatformIdentifier", i.platformIdentifier());
    JsonFields.putPresent(c, "LifecycleConfigName", i.notebookInstanceLifecycleConfigName());
    JsonFields.putPresent(c, "DefaultCodeRepository", i.defaultCodeRepository());
    c.put("Id", i.notebookInstanceArn());
    JsonFields.putPresent(c, "SubnetId", i.subnetId());
    if (i.hasSecurityGroups()) {
      c.set("SecurityGroupIds", JsonFields.strings(i.securityGroups()));
    }
    return c;
  }
}
