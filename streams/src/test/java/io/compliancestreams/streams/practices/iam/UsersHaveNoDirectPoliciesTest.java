package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersHaveNoDirectPoliciesTest {

  private final UsersHaveNoDirectPolicies practice = new UsersHaveNoDirectPolicies();

  private Evaluation only(String fixture) {
    List<Evaluation> evaluations = evaluate(practice, fixture);
    assertThat(evaluations).hasSize(1);
    return evaluations.get(0);
  }

  private static ResourceRef user(String id, String name) {
    return new ResourceRef(
        "111122223333", "global", "AWS::IAM::User", id, "arn:aws:iam::111122223333:user/" + name);
  }

  @Test
  void shouldPassWhenPermissionsComeFromGroupsAndABoundary() {
    Evaluation e = only("pass-groups-and-boundary.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEMARIA01", "maria.garcia"));
    assertThat(e.reason()).contains("user 'maria.garcia' has no attached managed or inline policy");
  }

  @Test
  void shouldFailWhenAManagedPolicyIsAttachedToTheUser() {
    Evaluation e = only("fail-attached-managed-policy.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEDEPLOY1", "deploy-bot"));
    assertThat(e.reason()).contains("managed policy 'AmazonS3FullAccess'");
  }

  @Test
  void shouldFailWhenTheUserHasAnInlinePolicy() {
    Evaluation e = only("fail-inline-policy.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLESESSMTP", "ses-smtp-user.20250114-101203"));
    assertThat(e.reason()).contains("inline policy 'AmazonSesSendingAccess'");
  }

  @Test
  void shouldErrorNamingAPolicyListThatIsNotAnArray() {
    Evaluation e = only("error-attached-not-a-list.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEBROKEN1", "broken"));
    assertThat(e.reason()).contains("configuration.attachedManagedPolicies: expected an array");
  }
}
