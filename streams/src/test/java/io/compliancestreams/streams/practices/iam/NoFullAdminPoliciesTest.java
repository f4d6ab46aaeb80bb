package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluate;
import static io.compliancestreams.streams.practices.PracticeFixtures.evaluateOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoFullAdminPoliciesTest {

  private final NoFullAdminPolicies practice = new NoFullAdminPolicies();

  private static final String ACCOUNT = "111122223333";


  private static ResourceRef policy(String id, String name) {
    return new ResourceRef(
        ACCOUNT, "global", "AWS::IAM::Policy", id, "arn:aws:iam::" + ACCOUNT + ":policy/" + name);
  }

  @Test
  void shouldFailWhenDefaultVersionAllowsStarOnStar() {
    Evaluation e = evaluateOne(practice, "fail-star-on-star.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(policy("ANPAZ6EXAMPLEADMIN001", "AdminAccessCustom"));
    assertThat(e.reason())
        .contains("default version v2 of policy 'AdminAccessCustom'")
        .contains("statement 1 (Sid 'FullAdmin') allows Action '*' on Resource '*'")
        .doesNotContain("statement 0");
  }

  @Test
  void shouldPassWhenOnlyANonDefaultVersionAllowsStarOnStarAndServiceWildcardsAreNotFullAdmin() {
    // v1 (first in the list) is full admin, v2 is the default and only has s3:* and iam:* on *.
    Evaluation e = evaluateOne(practice, "pass-scoped-default-version.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(policy("ANPAZ6EXAMPLEREPORTS1", "ReportsReadOnly"));
    assertThat(e.reason()).contains("default version v2 of policy 'ReportsReadOnly'");
  }

  @Test
  void shouldFailWhenASingleStatementObjectListsStarAmongOthersEvenWithACondition() {
    Evaluation e = evaluateOne(practice, "fail-single-statement-lists-with-condition.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("statement 0 allows Action '*' on Resource '*'");
  }

  @Test
  void shouldFailOnStarColonStarEvenWhenADenyStatementAlsoMatchesEverything() {
    Evaluation e = evaluateOne(practice, "fail-service-star-colon-star.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("statement 1 allows Action '*:*' on Resource '*'");
  }

  @Test
  void shouldReadADocumentThatIsAlreadyDecodedJson() {
    Evaluation e = evaluateOne(practice, "fail-decoded-document.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("policy 'PlainAdmin'").contains("Sid 'FullAdmin'");
  }

  @Test
  void shouldBeNotApplicableWhenThePolicyIsNotAttached() {
    Evaluation e = evaluateOne(practice, "na-unattached.json");

    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.resource()).isEqualTo(policy("ANPAZ6EXAMPLEUNUSED01", "UnusedAdmin"));
    assertThat(e.reason()).contains("'UnusedAdmin'").contains("not attached");
  }

  @Test
  void shouldBeNotApplicableWhenThePolicyIsOnlyAPermissionsBoundary() {
    Evaluation e = evaluateOne(practice, "na-boundary-only.json");

    assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(e.reason()).contains("'DeveloperBoundary'").contains("permissions boundary (3 use(s))");
  }

  @Test
  void shouldEvaluateAPolicyThatIsBothAttachedAndABoundary() {
    Evaluation e = evaluateOne(practice, "pass-attached-and-boundary.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(policy("ANPAZ6EXAMPLETEAMBND1", "TeamBoundary"));
  }

  @Test
  void shouldBeNotApplicableForAnAwsManagedPolicy() {
    ConfigurationItem admin = PracticeFixtures.load(1, "fail-star-on-star.json").items().get(0);
    String arn = "arn:aws:iam::aws:policy/AdministratorAccess";
    ObjectNode config = admin.configuration().deepCopy();
    config.put("arn", arn);
    ConfigurationItem awsManaged =
        new ConfigurationItem(
            admin.accountId(), admin.awsRegion(), admin.resourceType(), admin.resourceId(), arn,
            "AdministratorAccess", admin.captureTime(), admin.status(),
            admin.configurationStateId(), admin.tags(), admin.relationships(), config, Map.of());

    List<Evaluation> evaluations =
        new PracticeEngine(List.of(practice), Map.of())
            .evaluate(List.of(awsManaged), PracticeFixtures.DEFAULT_INSTANT);

    assertThat(evaluations).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(Status.NOT_APPLICABLE);
      assertThat(e.reason()).contains("AWS managed");
    });
  }

  @Test
  void shouldErrorNamingTheDocumentThatCannotBeDecoded() {
    Evaluation e = evaluateOne(practice, "error-undecodable-document.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(policy("ANPAZ6EXAMPLEBROKEN01", "BrokenDoc"));
    assertThat(e.reason()).contains("configuration.policyVersionList[0].document").contains("not valid JSON");
  }

  @Test
  void shouldErrorNamingAnActionThatIsNotAString() {
    Evaluation e = evaluateOne(practice, "error-action-not-string.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.reason())
        .contains("configuration.policyVersionList[0].document.Statement[0].Action")
        .contains("expected a string or a list of strings");
  }

  @Test
  void shouldErrorRatherThanCallAPolicyUnattachedWhenAttachmentCountIsMissing() {
    Evaluation e = evaluateOne(practice, "error-missing-attachment-count.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(policy("ANPAZ6EXAMPLENOCOUNT1", "NoCount"));
    assertThat(e.reason()).contains("configuration.attachmentCount: is missing");
  }
}
