package io.compliancestreams.app.demo;

import io.compliancestreams.schemas.contract.ResourceKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.Status;
import io.compliancestreams.streams.topology.SnapshotMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoOrganizationTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private final DemoOrganization org = DemoOrganization.generate(NOW);
  private final List<ResourceSnapshot> snapshots = org.snapshots();
  private final List<ConfigurationItem> items = snapshots.stream().map(SnapshotMapper::toItem).toList();
  private final List<Evaluation> evaluations = PracticeEngine.withDefaults().evaluate(items, NOW);

  @Test
  void shouldGenerateAFewHundredResourcesWithUniqueKeysInTwoAccountsAndThreeRegions() {
    assertThat(snapshots).hasSizeBetween(200, 500);
    Set<String> keys = snapshots.stream().map(DemoOrganizationTest::key).collect(Collectors.toSet());
    assertThat(keys).hasSameSizeAs(snapshots);
    assertThat(snapshots).extracting(ResourceSnapshot::getAccountId).containsOnly("111122223333", "444455556666");
    assertThat(snapshots).extracting(ResourceSnapshot::getAwsRegion)
        .containsOnly("global", "us-east-1", "eu-west-1", "ap-southeast-2");
  }

  @Test
  void shouldBeTheSameOrganisationOnEveryGeneration() {
    assertThat(DemoOrganization.generate(NOW).snapshots()).isEqualTo(snapshots);
  }

  @Test
  void shouldGiveEveryPracticeFindingsWithAboutSevenInTenPassing() {
    Map<Integer, Map<Status, Long>> byPractice = new TreeMap<>(evaluations.stream().collect(
        Collectors.groupingBy(Evaluation::practice, Collectors.groupingBy(Evaluation::status, Collectors.counting()))));
    assertThat(byPractice).as("practices with findings: %s", byPractice).hasSize(PracticeCatalogue.all().size());
    assertThat(evaluations).noneMatch(e -> e.status() == Status.ERROR);
    long pass = evaluations.stream().filter(e -> e.status() == Status.PASS).count();
    long fail = evaluations.stream().filter(e -> e.status() == Status.FAIL).count();
    assertThat((double) pass / (pass + fail)).as("pass %d, fail %d: %s", pass, fail, byPractice).isBetween(0.6, 0.85);
  }

  @Test
  void shouldStartTheScriptsTargetsPassing() {
    DemoOrganization.Targets t = org.targets();
    Map<String, Function<Evaluation, Boolean>> checks = Map.of(
        "bucket", e -> e.practice() == 11 && e.resource().resourceId().equals(t.bucket().resourceId()),
        "security group", e -> e.practice() == 18 && e.resource().resourceId().equals(t.defaultSecurityGroup().resourceId()),
        "snapshot", e -> e.practice() == 21 && e.resource().resourceId().equals(t.snapshot().resourceId()),
        "kms key", e -> e.practice() == 25 && e.resource().resourceId().equals(t.kmsKey().resourceId()),
        "trail", e -> e.practice() == 12 && e.resource().accountId().equals(t.trail().accountId()));
    checks.forEach((what, check) -> assertThat(evaluations.stream().filter(check::apply).toList())
        .as(what).isNotEmpty().allMatch(e -> e.status() == Status.PASS));
    assertThat(t.kmsKey().arn()).startsWith("arn:aws:kms:eu-west-1:111122223333:key/");
    assertThat(t.trail().arn()).isEqualTo("arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events");
    assertThat(t.bucket().name()).isEqualTo(t.bucket().resourceId());
  }

  private static String key(ResourceSnapshot s) {
    return ResourceKey.of(s.getAccountId(), s.getAwsRegion(), s.getResourceType(), s.getResourceId()).format();
  }
}
