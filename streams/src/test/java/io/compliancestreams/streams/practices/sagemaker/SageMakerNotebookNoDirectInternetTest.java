package io.compliancestreams.streams.practices.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class SageMakerNotebookNoDirectInternetTest {

  private final SageMakerNotebookNoDirectInternet practice =
      new SageMakerNotebookNoDirectInternet();


  private static ResourceRef notebook(String name) {
    return new ResourceRef(
        "111122223333",
        "eu-west-1",
        "AWS::SageMaker::NotebookInstance",
        name,
        "arn:aws:sagemaker:eu-west-1:111122223333:notebook-instance/" + name);
  }

  @Test
  void shouldPassWhenDirectInternetAccessIsDisabled() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-vpc-only.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(notebook("churn-model-dev"));
    assertThat(e.reason())
        .isEqualTo(
            "Notebook instance churn-model-dev (in subnet subnet-0123abcd4567ef890) has direct"
                + " internet access disabled");
  }

  @Test
  void shouldFailWhenDirectInternetAccessIsEnabled() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-direct-internet-default.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(notebook("quick-experiments"));
    assertThat(e.reason())
        .isEqualTo(
            "Notebook instance quick-experiments (outside a VPC) has direct internet access"
                + " enabled");
  }

  @Test
  void shouldReportErrorOnAnUnknownValue() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-unknown-value.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(notebook("churn-model-dev"));
    assertThat(e.reason()).contains("configuration.DirectInternetAccess", "'Maybe'");
  }
}
