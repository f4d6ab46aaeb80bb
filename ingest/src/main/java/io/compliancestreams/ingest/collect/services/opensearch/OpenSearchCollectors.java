package io.compliancestreams.ingest.collect.services.opensearch;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The OpenSearch Service collectors: one per engine, as AWS Config records two types. */
public final class OpenSearchCollectors {

  /** DescribeDomains / DescribeElasticsearchDomains take at most 5 names per call. */
  static final int DESCRIBE_BATCH = 5;

  private OpenSearchCollectors() {}

  public static List<Collector> all() {
    return List.of(new OpenSearchDomainCollector(), new ElasticsearchDomainCollector());
  }

  /** {@code names} in consecutive batches of {@link #DESCRIBE_BATCH}. */
  static List<List<String>> batches(List<String> names) {
    return java.util.stream.IntStream.range(0, (names.size() + DESCRIBE_BATCH - 1) / DESCRIBE_BATCH)
        .mapToObj(i -> names.subList(i * DESCRIBE_BATCH, Math.min(names.size(), (i + 1) * DESCRIBE_BATCH)))
        .toList();
  }
}
