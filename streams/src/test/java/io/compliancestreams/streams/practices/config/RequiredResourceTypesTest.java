package io.compliancestreams.streams.practices.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link ConfigRecorderEnabled#REQUIRED_TYPES} in step with the catalogue: every AWS Config
 * type a practice reads is either required of the recorder or exempted here with the reason. The
 * list is checked rather than derived because the catalogue itself holds practice 15: reading it
 * from this practice's static metadata would be an initialisation cycle.
 */
class RequiredResourceTypesTest {

  /** AWS Config types practices read that the recorder need not record, and why. */
  private static final Map<String, String> EXEMPT =
      Map.of(
          "AWS::IAM::Policy",
              "global: recorded in one home region only, which a region-scoped practice cannot see",
          "AWS::IAM::User", "global, as AWS::IAM::Policy",
          "AWS::S3::AccountPublicAccessBlock",
              "our collector writes it itself (region global), whether or not Config records it",
          "AWS::GuardDuty::Detector",
              "a fallback: practice 26 decides from our ComplianceStreams::GuardDuty::Detectors");

  private static Set<String> required() {
    return Arrays.stream(ConfigRecorderEnabled.REQUIRED_TYPES.defaultValue().split(","))
        .map(String::trim)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> awsConfigTypesRead() {
    return PracticeCatalogue.all().stream()
        .flatMap(p -> p.metadata().resourceTypes().stream())
        .filter(type -> type.startsWith("AWS::"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void shouldRequireEveryAwsConfigTypeAPracticeReadsUnlessExempted() {
    Set<String> lacking = new TreeSet<>(awsConfigTypesRead());
    lacking.removeAll(required());
    lacking.removeAll(EXEMPT.keySet());

    assertThat(lacking)
        .as("types practices read that requiredResourceTypes lacks (add them, or exempt with a reason)")
        .isEmpty();
  }

  @Test
  void shouldRequireOnlyTypesSomePracticeReads() {
    Set<String> unread = new TreeSet<>(required());
    unread.removeAll(awsConfigTypesRead());

    assertThat(unread).as("required types no practice reads").isEmpty();
    assertThat(awsConfigTypesRead()).as("stale exemptions").containsAll(EXEMPT.keySet());
  }
}
