package io.compliancestreams.ingest.collect.services.lambda;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The Lambda collectors. */
public final class LambdaCollectors {

  /** ListFunctions returns at most 50 per page whatever MaxItems says. */
  static final int PAGE_SIZE = 50;

  private LambdaCollectors() {}

  public static List<Collector> all() {
    return List.of(new FunctionCollector(PAGE_SIZE));
  }
}
