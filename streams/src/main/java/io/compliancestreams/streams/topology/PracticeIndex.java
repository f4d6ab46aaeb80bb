package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The practices split the way the topology needs them: resource-scoped ones are evaluated where
 * the resource's state lives, account- and region-scoped ones where the account's aggregate lives.
 */
final class PracticeIndex {

  private final Map<Integer, PracticeMetadata> metadata;
  private final List<Practice> resourcePractices;
  private final List<Practice> scopePractices;
  private final Set<String> resourceTypes;
  private final Set<String> scopeTypes;
  private final long catalogueHash;

  PracticeIndex(List<Practice> practices) {
    metadata = practices.stream()
        .collect(Collectors.toUnmodifiableMap(Practice::number, Practice::metadata));
    List<Practice> resource = practices.stream()
        .filter(p -> p.metadata().scope() == Scope.RESOURCE).toList();
    List<Practice> scope = practices.stream()
        .filter(p -> p.metadata().scope() != Scope.RESOURCE).toList();
    resourcePractices = resource;
    scopePractices = scope;
    resourceTypes = typesOf(resource);
    scopeTypes = typesOf(scope);
    catalogueHash = CatalogueHash.of(practices);
  }

  /**
   * The fingerprint of the catalogue (practices, their metadata and code): stored with each
   * evaluation, so a deployment that changes it re-evaluates a resource at its next snapshot
   * even when the snapshot's content is unchanged.
   */
  long catalogueHash() {
    return catalogueHash;
  }

  private static Set<String> typesOf(List<Practice> practices) {
    return practices.stream()
        .flatMap(p -> p.metadata().resourceTypes().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  PracticeMetadata metadata(int practice) {
    PracticeMetadata m = metadata.get(practice);
    if (m == null) {
      throw new IllegalArgumentException("no practice numbered " + practice);
    }
    return m;
  }

  Function<Integer, PracticeMetadata> metadataLookup() {
    return this::metadata;
  }

  /**
   * An engine over the resource-scoped practices, each passed through {@code wrap} (the processor
   * times them with thread-scoped sensors, so each processor builds its own engine once, in init).
   */
  PracticeEngine resourceEngine(UnaryOperator<Practice> wrap) {
    return engine(resourcePractices, wrap);
  }

  /** An engine over the account- and region-scoped practices; see {@link #resourceEngine}. */
  PracticeEngine scopeEngine(UnaryOperator<Practice> wrap) {
    return engine(scopePractices, wrap);
  }

  private static PracticeEngine engine(List<Practice> practices, UnaryOperator<Practice> wrap) {
    return new PracticeEngine(practices.stream().map(wrap).toList(), Map.of());
  }

  /** True when some resource-scoped practice reads this type. */
  boolean readByResourcePractice(String resourceType) {
    return resourceTypes.contains(resourceType);
  }

  /** True when some account- or region-scoped practice reads this type. */
  boolean readByScopePractice(String resourceType) {
    return scopeTypes.contains(resourceType);
  }

  boolean known(String resourceType) {
    return readByResourcePractice(resourceType) || readByScopePractice(resourceType);
  }
}
