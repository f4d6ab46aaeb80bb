package io.compliancestreams.streams.practices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks the whole catalogue and reports every offender at once: numbers, control ids, complete
 * metadata, and fixtures that really produce the status their name promises.
 */
class PracticeCatalogueTest {

  private static final Set<Severity> ARTICLE_SEVERITIES =
      Set.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW);

  @Test
  void shouldNumberThePracticesFromOneWithoutGapsWithDistinctControls() {
    List<Practice> all = PracticeCatalogue.all();
    assertThat(all).extracting(Practice::number)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, all.size()).boxed().toList());
    assertThat(all).extracting(p -> p.metadata().controlId()).doesNotHaveDuplicates();
  }

  @Test
  void shouldHaveCompleteMetadataForEveryPractice() {
    List<String> offenders = new ArrayList<>();
    for (Practice p : PracticeCatalogue.all()) {
      PracticeMetadata m = p.metadata();
      String id = "#" + m.number() + " " + m.controlId();
      if (m.title().isBlank()) offenders.add(id + ": empty title");
      if (!ARTICLE_SEVERITIES.contains(m.severity())) offenders.add(id + ": article severity " + m.severity());
      if (m.resourceTypes().isEmpty()) offenders.add(id + ": no resource types");
      if (m.events().isEmpty()) offenders.add(id + ": no CloudTrail events");
      if (m.remediation().length() < 40) offenders.add(id + ": remediation too short");
      if (!"https".equals(m.reference().getScheme())) offenders.add(id + ": reference is not https");
      for (EventTrigger e : m.events()) {
        if (!e.eventSource().endsWith(".amazonaws.com")) {
          offenders.add(id + ": event source " + e.eventSource());
        }
      }
      for (ParameterSpec spec : m.parameters()) {
        if (spec.description().isBlank()) offenders.add(id + ": parameter " + spec.name() + " undocumented");
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void shouldHavePassAndFailFixturesThatProduceTheStatusTheirNamePromises() throws Exception {
    List<String> offenders = new ArrayList<>();
    for (Practice p : PracticeCatalogue.all()) {
      String id = "#" + p.number() + " " + p.metadata().controlId();
      List<Path> fixtures = fixturesOf(p.number());
      Set<String> kinds = new HashSet<>();
      for (Path file : fixtures) {
        String name = file.getFileName().toString();
        String kind = name.substring(0, name.indexOf('-') < 0 ? 0 : name.indexOf('-'));
        kinds.add(kind);
        List<Evaluation> results;
        try {
          results = PracticeFixtures.evaluate(p, name);
        } catch (RuntimeException e) {
          offenders.add(id + " " + name + ": cannot load (" + e.getMessage() + ")");
          continue;
        }
        String problem = check(kind, results);
        if (problem != null) {
          offenders.add(id + " " + name + ": " + problem + " " + results);
        }
      }
      if (!kinds.contains("pass")) offenders.add(id + ": no pass-*.json fixture");
      if (!kinds.contains("fail")) offenders.add(id + ": no fail-*.json fixture");
    }
    assertThat(offenders).isEmpty();
  }

  private static String check(String kind, List<Evaluation> results) {
    if (results.isEmpty()) {
      return "produced no evaluation";
    }
    Map<String, Status> expected = Map.of(
        "pass", Status.PASS, "fail", Status.FAIL, "na", Status.NOT_APPLICABLE, "error", Status.ERROR);
    Status status = expected.get(kind);
    if (status == null) {
      return "name must start with pass-, fail-, na- or error-";
    }
    boolean all = results.stream().allMatch(e -> e.status() == status);
    boolean any = results.stream().anyMatch(e -> e.status() == status);
    boolean ok = (status == Status.PASS || status == Status.NOT_APPLICABLE) ? all : any;
    return ok ? null : "expected " + (all ? "all " : "some ") + status;
  }

  private static List<Path> fixturesOf(int practice) throws IOException, URISyntaxException {
    URL dir = PracticeCatalogueTest.class.getClassLoader()
        .getResource(String.format("practices/%02d", practice));
    if (dir == null) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }
}
