package io.compliancestreams.ingest.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.util.Map;

/** Checks a snapshot's envelope and its configuration as JSON (order-insensitive, exact values). */
public final class SnapshotAssert {

  private SnapshotAssert() {}

  /** type, id, region, ARN, name, capture time, status, source, scan id. */
  public static void envelope(ResourceSnapshot s, String type, String id, String region, String arn, String name) {
    assertThat(s.getAccountId()).isEqualTo(CollectorHarness.ACCOUNT);
    assertThat(s.getResourceType()).isEqualTo(type);
    assertThat(s.getResourceId()).isEqualTo(id);
    assertThat(s.getAwsRegion()).isEqualTo(region);
    assertThat(s.getArn()).isEqualTo(arn);
    assertThat(s.getResourceName()).isEqualTo(name);
    assertThat(s.getCaptureTime()).isEqualTo(CollectorHarness.NOW);
    assertThat(s.getConfigurationItemStatus()).isEqualTo(ConfigurationItemStatus.OK);
    assertThat(s.getSource()).isEqualTo(SnapshotSource.SCAN);
    assertThat(s.getScanId()).isEqualTo(CollectorHarness.SCAN);
  }

  /** The configuration equals the expected JSON exactly (same fields, same values). */
  public static void configuration(ResourceSnapshot s, String expectedJson) {
    assertThat(CollectorHarness.json(s.getConfiguration())).isEqualTo(CollectorHarness.json(expectedJson));
  }

  public static void supplementary(ResourceSnapshot s, String key, String expectedJson) {
    assertThat(s.getSupplementaryConfiguration()).containsKey(key);
    assertThat(CollectorHarness.json(s.getSupplementaryConfiguration().get(key)))
        .isEqualTo(CollectorHarness.json(expectedJson));
  }

  public static void tags(ResourceSnapshot s, Map<String, String> expected) {
    assertThat(s.getTags()).isEqualTo(expected);
  }
}
