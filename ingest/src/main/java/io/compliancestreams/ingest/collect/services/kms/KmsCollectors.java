package io.compliancestreams.ingest.collect.services.kms;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The KMS collectors. */
public final class KmsCollectors {

  /** ListKeys accepts Limit 1 to 1000. */
  static final int PAGE_SIZE = 1000;

  private KmsCollectors() {}

  public static List<Collector> all() {
    return List.of(new KeyCollector(PAGE_SIZE));
  }
}
