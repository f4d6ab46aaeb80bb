package io.compliancestreams.sinks.jira;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks a transition by name. Transition ids belong to a workflow and what is offered depends on
 * the current status, so the id is looked up on the issue each time; a configured name
 * matches the transition's name or its target status's name, case-insensitively.
 */
final class Transitions {

  private Transitions() {}

  static Optional<JiraApi.Transition> pick(List<JiraApi.Transition> offered, List<String> names) {
    for (String name : names) {
      for (JiraApi.Transition t : offered) {
        if (t.name().equalsIgnoreCase(name) || t.toName().equalsIgnoreCase(name)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  static String describe(List<JiraApi.Transition> offered) {
    return offered.isEmpty() ? "none"
        : offered.stream().map(t -> t.name() + " → " + t.toName()).collect(Collectors.joining(", "));
  }
}
