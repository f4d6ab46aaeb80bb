package io.compliancestreams.streams.practices.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.Status;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class S3CloudTrailConfigPracticesTest {

  @Test
  void shouldListPracticesNineToFifteenInOrder() {
    assertThat(S3CloudTrailConfigPractices.all())
        .extracting(Practice::number)
        .containsExactly(9, 10, 11, 12, 13, 14, 15);
  }

  @Test
  void shouldMatchEveryFixtureFileNameWithItsStatus() throws IOException, URISyntaxException {
    for (Practice practice : S3CloudTrailConfigPractices.all()) {
      Path folder =
          Path.of(
              getClass()
                  .getClassLoader()
                  .getResource(PracticeFixtures.path(practice.number(), ""))
                  .toURI());
      List<String> names;
      try (Stream<Path> files = Files.list(folder)) {
        names = files.map(p -> p.getFileName().toString()).sorted().toList();
      }
      assertThat(names).as("practice %d", practice.number()).anyMatch(n -> n.startsWith("pass-"));
      assertThat(names).as("practice %d", practice.number()).anyMatch(n -> n.startsWith("fail-"));
      for (String name : names) {
        List<Evaluation> evaluations = PracticeFixtures.evaluate(practice, name);
        assertThat(evaluations).as(name).isNotEmpty();
        if (name.startsWith("pass-")) {
          assertThat(evaluations).as(name).allMatch(e -> e.status() == Status.PASS);
        } else if (name.startsWith("fail-")) {
          assertThat(evaluations).as(name).anyMatch(e -> e.status() == Status.FAIL);
        } else if (name.startsWith("na-")) {
          assertThat(evaluations).as(name).allMatch(e -> e.status() == Status.NOT_APPLICABLE);
        } else if (name.startsWith("error-")) {
          assertThat(evaluations).as(name).anyMatch(e -> e.status() == Status.ERROR);
        }
      }
    }
  }
}
