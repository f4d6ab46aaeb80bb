package io.compliancestreams.streams.practices.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.Status;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamPracticesTest {

  @Test
  void shouldListTheEightIamPracticesInArticleOrder() {
    List<Practice> all = IamPractices.all();

    assertThat(all).extracting(Practice::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(all)
        .extracting(p -> p.metadata().controlId())
        .containsExactly("IAM.1", "IAM.2", "IAM.3", "IAM.4", "IAM.5", "IAM.6", "IAM.7", "IAM.8");
    assertThat(all)
        .allSatisfy(
            p -> {
              assertThat(p.metadata().events()).isNotEmpty();
              assertThat(p.metadata().reference().toString())
                  .isEqualTo(
                      "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-"
                          + p.number());
            });
  }

  /** The catalogue's fixture contract, checked early for the IAM practices. */
  @Test
  void shouldHaveFixturesWhoseNamesMatchTheirOutcome() throws URISyntaxException {
    Map<String, Status> prefixes =
        Map.of("pass-", Status.PASS, "fail-", Status.FAIL, "na-", Status.NOT_APPLICABLE, "error-", Status.ERROR);
    List<String> problems = new ArrayList<>();
    for (Practice practice : IamPractices.all()) {
      File dir =
          new File(getClass().getClassLoader().getResource(PracticeFixtures.path(practice.number(), "")).toURI());
      String[] names = dir.list((d, n) -> n.endsWith(".json"));
      assertThat(names).as("fixtures of practice " + practice.number()).isNotEmpty();
      for (String prefix : List.of("pass-", "fail-")) {
        assertThat(Arrays.stream(names).anyMatch(n -> n.startsWith(prefix)))
            .as(practice.number() + " has a " + prefix + " fixture").isTrue();
      }
      for (String name : names) {
        List<Evaluation> evaluations = PracticeFixtures.evaluate(practice, name);
        Status expected =
            prefixes.entrySet().stream().filter(e -> name.startsWith(e.getKey())).findFirst().orElseThrow().getValue();
        boolean ok =
            !evaluations.isEmpty()
                && (expected == Status.PASS || expected == Status.NOT_APPLICABLE
                    ? evaluations.stream().allMatch(e -> e.status() == expected)
                    : evaluations.stream().anyMatch(e -> e.status() == expected));
        if (!ok) {
          problems.add(practice.number() + "/" + name + " -> " + evaluations);
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
