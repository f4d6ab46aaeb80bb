package io.compliancestreams.ingest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks the whole catalogue and reports every offender at once. */
class CollectorsTest {

  @Test
  void everyCollectorShouldHaveAUniqueNameAndDeclareItsTypesAndCoverage() {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> types = new HashSet<>();
    for (Collector c : Collectors.all()) {
      if (!names.add(c.name())) {
        problems.add(c.name() + ": duplicate name");
      }
      if (c.coverage() == null) {
        problems.add(c.name() + ": no coverage");
      }
      if (c.resourceTypes().isEmpty()) {
        problems.add(c.name() + ": no resource type");
      }
      for (String type : c.resourceTypes()) {
        if (!type.matches("(AWS|ComplianceStreams)::\\w+::\\w+")) {
          problems.add(c.name() + ": type " + type + " is not Service::Thing");
        }
        if (!types.add(type)) {
          problems.add(c.name() + ": type " + type + " also produced by another collector");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldListTheCollectorsOfIamS3CloudTrailAndConfig() {
    assertThat(Collectors.all()).extracting(Collector::name).contains(
        "iam.policies", "iam.users", "iam.user-credentials", "iam.account-summary",
        "iam.virtual-mfa-devices", "iam.password-policy", "s3.buckets", "s3.account-public-access-block",
        "cloudtrail.trails", "cloudtrail.trails-status", "config.recorder-status");
  }
}
