package io.compliancestreams.ingest.collect.services.sagemaker;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The SageMaker collectors. */
public final class SageMakerCollectors {

  /** ListNotebookInstances accepts MaxResults 1 to 100. */
  static final int PAGE_SIZE = 100;

  private SageMakerCollectors() {}

  public static List<Collector> all() {
    return List.of(new NotebookInstanceCollector(PAGE_SIZE));
  }
}
