package io.compliancestreams.streams.practices.sagemaker;


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

/**
 * Practice 23 (SageMaker.1): a notebook instance must not have direct internet access ({@code
 * DirectInternetAccess = Enabled} fails). The setting is fixed at creation, and stopped instances
 * are evaluated too since they keep the setting when started.
 */
public final class SageMakerNotebookNoDirectInternet implements Practice {

  public static final String NOTEBOOK_INSTANCE = "AWS::SageMaker::NotebookInstance";
  private static final String SAGEMAKER = "sagemaker.amazonaws.com";

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          23,
          "SageMaker.1",
          "Amazon SageMaker notebook instances should not have direct internet access",
          Severity.HIGH,
          Severity.HIGH,
          Scope.RESOURCE,
          List.of(NOTEBOOK_INSTANCE),
          List.of(
              EventTrigger.rescan(
                  SAGEMAKER,
                  "CreateNotebookInstance",
                  NOTEBOOK_INSTANCE,
                  ResourceLocator.request("notebookInstanceName")),
              EventTrigger.rescan(
                  SAGEMAKER,
                  "DeleteNotebookInstance",
                  NOTEBOOK_INSTANCE,
                  ResourceLocator.request("notebookInstanceName"))),
          List.of(),
          "Direct internet access cannot be switched off on an existing notebook instance. Create a"
              + " replacement in a VPC subnet with direct internet access disabled (the API enables"
              + " it by default), give it outbound access through a NAT gateway or VPC endpoints if"
              + " needed, move the notebooks over and delete the old instance.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-1"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    NotebookInstance notebook = NotebookInstance.of(input.item());
    ResourceRef ref = notebook.item().ref();
    boolean direct = notebook.directInternetAccess();
    String name = "Notebook instance " + notebook.name();
    String subnet = notebook.subnetId().map(s -> "in subnet " + s).orElse("outside a VPC");
    return direct
        ? List.of(
            Evaluation.fail(
                23, ref, name + " (" + subnet + ") has direct internet access enabled"))
        : List.of(
            Evaluation.pass(
                23, ref, name + " (" + subnet + ") has direct internet access disabled"));
  }
}
