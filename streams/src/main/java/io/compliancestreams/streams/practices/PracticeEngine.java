package io.compliancestreams.streams.practices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs practices over configuration items: groups the items each practice reads by the practice's
 * scope, evaluates every group, and isolates failures so one throwing practice yields an ERROR
 * evaluation while the others still run. Pure: the instant is an argument.
 */
public final class PracticeEngine {

  private final List<Practice> practices;
  private final Map<Integer, PracticeParameters> parameters;

  public PracticeEngine(List<Practice> practices, Map<Integer, PracticeParameters> parameters) {
    this.practices = List.copyOf(practices);
    this.parameters = Map.copyOf(parameters);
  }

  /** An engine over the whole catalogue with default parameters. */
  public static PracticeEngine withDefaults() {
    return new PracticeEngine(PracticeCatalogue.all(), Map.of());
  }

  public List<Practice> practices() {
    return practices;
  }

  /** Evaluates every practice over all the given items, at {@code at}. */
  public List<Evaluation> evaluate(Collection<ConfigurationItem> items, Instant at) {
    Objects.requireNonNull(at, "at");
    List<ConfigurationItem> live =
        items.stream()
            .filter(i -> !i.status().isDeleted())
            .sorted(Comparator.comparing(ConfigurationItem::key))
            .toList();
    List<Evaluation> results = new ArrayList<>();
    for (Practice practice : practices) {
      for (ScopeInput input : scopesOf(practice, live, at)) {
        results.addAll(evaluate(practice, input));
      }
    }
    return results;
  }

  /** The scope inputs one practice is evaluated on, in a stable order. */
  public List<ScopeInput> scopesOf(
      Practice practice, List<ConfigurationItem> liveItems, Instant at) {
    PracticeMetadata meta = practice.metadata();
    PracticeParameters params = parametersOf(meta.number());
    List<ConfigurationItem> relevant =
        liveItems.stream().filter(i -> meta.reads(i.resourceType())).toList();
    if (meta.scope() == Scope.RESOURCE) {
      return relevant.stream().map(i -> new ScopeInput(i.ref(), List.of(i), at, params)).toList();
    }
    Map<String, List<ConfigurationItem>> groups = new TreeMap<>();
    Map<String, ResourceRef> subjects = new TreeMap<>();
    for (ConfigurationItem item : relevant) {
      ResourceRef subject =
          meta.scope() == Scope.ACCOUNT
              ? ResourceRef.account(item.accountId())
              : ResourceRef.accountRegion(item.accountId(), item.awsRegion());
      groups.computeIfAbsent(subject.key(), k -> new ArrayList<>()).add(item);
      subjects.putIfAbsent(subject.key(), subject);
    }
    return groups.entrySet().stream()
        .map(e -> new ScopeInput(subjects.get(e.getKey()), e.getValue(), at, params))
        .toList();
  }

  /**
   * Evaluates one practice on one scope. A throwing practice, or one that returns evaluations
   * under another practice's number, gives a single ERROR evaluation naming the problem.
   */
  public List<Evaluation> evaluate(Practice practice, ScopeInput input) {
    PracticeMetadata meta = practice.metadata();
    try {
      List<Evaluation> out = List.copyOf(practice.evaluate(input));
      for (Evaluation e : out) {
        if (e.practice() != meta.number()) {
          throw new IllegalStateException(
              "returned an evaluation numbered " + e.practice() + " instead of " + meta.number());
        }
      }
      return out;
    } catch (RuntimeException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return List.of(
          Evaluation.error(
              meta.number(),
              input.subject(),
              meta.controlId() + " could not evaluate " + input.subject().key() + ": " + detail));
    }
  }

  private PracticeParameters parametersOf(int number) {
    return parameters.getOrDefault(number, PracticeParameters.DEFAULTS);
  }
}
