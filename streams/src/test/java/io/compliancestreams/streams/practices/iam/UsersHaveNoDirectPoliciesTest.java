package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluateOne;
import static io.compliancestreams.streams.practices.iam.IamRefs.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class UsersHaveNoDirectPoliciesTest {

  private final UsersHaveNoDirectPolicies practice = new UsersHaveNoDirectPolicies();



  @Test
  void shouldPassWhenPermissionsComeFromGroupsAndABoundary() {
    Evaluation e = evaluateOne(practice, "pass-groups-and-boundary.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEMARIA01", "maria.garcia"));
    assertThat(e.reason()).contains("user 'maria.garcia' has no attached managed or inline policy");
  }

  @Test
  void shouldFailWhenAManagedPolicyIsAttachedToTheUser() {
    Evaluation e = evaluateOne(practice, "fail-attached-managed-policy.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEDEPLOY1", "deploy-bot"));
    assertThat(e.reason()).contains("managed policy 'AmazonS3FullAccess'");
  }

  @Test
  void shouldFailWhenTheUserHasAnInlinePolicy() {
    Evaluation e = evaluateOne(practice, "fail-inline-policy.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLESESSMTP", "ses-smtp-user.20250114-101203"));
    assertThat(e.reason()).contains("inline policy 'AmazonSesSendingAccess'");
  }

  @Test
  void shouldErrorNamingAPolicyListThatIsNotAnArray() {
    Evaluation e = evaluateOne(practice, "error-attached-not-a-list.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(user("AIDAZ6EXAMPLEBROKEN1", "broken"));
    assertThat(e.reason()).contains("configuration.attachedManagedPolicies: expected an array");
  }
}
