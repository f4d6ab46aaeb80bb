package io.compliancestreams.ingest.collect.services;

import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One moto server per test class, reset before each test, and a harness in moto's default region. */
public abstract class MotoTestBase {

  protected static final String REGION = AwsEmulator.REGION;
  protected static AwsEmulator emulator;
  protected static CollectorHarness harness;

  @BeforeAll
  static void startEmulator() {
    emulator = AwsEmulator.start();
    harness = new CollectorHarness(emulator.endpoint(), REGION);
  }

  @AfterAll
  static void stopEmulator() {
    harness.close();
    emulator.close();
  }

  @BeforeEach
  void resetEmulator() {
    emulator.reset();
  }

  /** The one snapshot with that resource id. */
  protected static ResourceSnapshot only(List<ResourceSnapshot> snapshots, String id) {
    List<ResourceSnapshot> matching = snapshots.stream().filter(s -> s.getResourceId().equals(id)).toList();
    Assertions.assertThat(matching).as("snapshots of %s", id).hasSize(1);
    return matching.get(0);
  }
}
