package io.compliancestreams.streams.practices.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Status;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the group list and every fixture of practices 16 to 26, reporting all offenders at once.
 */
class ServicePracticesTest {

  @Test
  void shouldListPractices16To26InNumberOrder() {
    assertThat(ServicePractices.all())
        .extracting(Practice::number)
        .containsExactly(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26);
  }

  @Test
  void shouldDeclareCompleteMetadata() {
    List<String> problems = new ArrayList<>();
    for (Practice practice : ServicePractices.all()) {
      PracticeMetadata m = practice.metadata();
      String id = m.number() + " " + m.controlId();
      if (m.resourceTypes().isEmpty()) {
        problems.add(id + ": no resource types");
      }
      if (m.events().isEmpty()) {
        problems.add(id + ": no events");
      }
      m.events().stream()
          .filter(e -> !m.reads(e.resourceType()))
          .forEach(e -> problems.add(id + ": " + e.eventName() + " rescans an unread type"));
      if (m.reference().getFragment() == null
          || !m.reference().toString().startsWith("https://docs.aws.amazon.com/securityhub/")) {
        problems.add(id + ": reference is not a Security Hub control page");
      }
      if (m.remediation().length() < 80) {
        problems.add(id + ": remediation too short");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldProduceTheStatusEachFixtureIsNamedAfter() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Practice practice : ServicePractices.all()) {
      List<String> files = fixtureNames(practice.number());
      for (String prefix : List.of("pass-", "fail-")) {
        if (files.stream().noneMatch(f -> f.startsWith(prefix))) {
          problems.add(practice.number() + ": no " + prefix + "*.json");
        }
      }
      for (String file : files) {
        List<Evaluation> results = PracticeFixtures.evaluate(practice, file);
        List<Status> statuses = results.stream().map(Evaluation::status).toList();
        boolean ok =
            !statuses.isEmpty()
                && switch (file.substring(0, file.indexOf('-'))) {
                  case "pass" -> statuses.stream().allMatch(s -> s == Status.PASS);
                  case "fail" -> statuses.contains(Status.FAIL);
                  case "na" -> statuses.stream().allMatch(s -> s == Status.NOT_APPLICABLE);
                  case "error" -> statuses.contains(Status.ERROR);
                  default -> false;
                };
        if (!ok) {
          problems.add(practice.number() + "/" + file + " gave " + statuses);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static List<String> fixtureNames(int number) throws IOException, URISyntaxException {
    URL dir =
        ServicePracticesTest.class.getClassLoader().getResource(PracticeFixtures.path(number, ""));
    assertThat(dir).as("fixture folder of practice %d", number).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    }
  }
}
