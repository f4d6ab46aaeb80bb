package io.compliancestreams.sinks.jira;

import io.compliancestreams.sinks.runner.DeliveryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the destination checks once at start, so a misconfiguration fails the sink at once with a
 * message naming what is wrong (instead of dead-lettering every delta): the project is visible, the
 * issue type exists in it, every required field is one we set, the extra fields are on the create
 * screen, and — when an issue of the type exists to ask about — the transitions are offered.
 *
 * @param issueTypeId the configured issue type's id
 * @param screenFields ids of the fields on the create screen
 */
record ProjectSetup(String issueTypeId, Set<String> screenFields) {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectSetup.class);

  ProjectSetup {
    screenFields = Set.copyOf(screenFields);
  }

  static ProjectSetup check(JiraApi api, JiraSettings settings) {
    try {
      return doCheck(api, settings);
    } catch (DeliveryException e) {
      throw new IllegalStateException("Jira startup check failed: " + e.getMessage(), e);
    }
  }

  private static ProjectSetup doCheck(JiraApi api, JiraSettings s) throws DeliveryException {
    String project = s.projectKey();
    List<JiraApi.IssueTypeMeta> types = api.issueTypes(project).orElseThrow(() -> new IllegalStateException(
        "Jira project " + project + " does not exist or this user cannot create issues in it"));
    JiraApi.IssueTypeMeta type = types.stream()
        .filter(t -> t.name().equalsIgnoreCase(s.issueType()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Jira issue type '" + s.issueType()
            + "' is not available in project " + project + " (available: "
            + types.stream().map(JiraApi.IssueTypeMeta::name).collect(Collectors.joining(", ")) + ")"));

    List<JiraApi.FieldMeta> fields = api.createFields(project, type.id());
    // Jira fills the reporter with the calling user when a create request leaves it out, even where
    // createmeta (Data Center) lists it as required without a default.
    Set<String> ours = new HashSet<>(Set.of("project", "issuetype", "summary", "description", "labels", "reporter"));
    if (!s.priorities().isEmpty()) {
      ours.add("priority");
    }
    if (!s.components().isEmpty()) {
      ours.add("components");
    }
    ours.addAll(s.extraFields().keySet());
    List<String> missing = new ArrayList<>();
    for (JiraApi.FieldMeta f : fields) {
      if (f.required() && !f.hasDefaultValue() && !ours.contains(f.fieldId())) {
        missing.add(f.name() + " (" + f.fieldId() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Jira project " + project + ", issue type " + type.name()
          + " requires fields this sink does not set: " + String.join(", ", missing)
          + " — give them a value in the Jira extra fields (field id → JSON)");
    }
    Set<String> screen = fields.stream().map(JiraApi.FieldMeta::fieldId).collect(Collectors.toSet());
    List<String> offScreen = s.extraFields().keySet().stream().filter(id -> !screen.contains(id)).sorted().toList();
    if (!offScreen.isEmpty()) {
      throw new IllegalStateException("Jira extra fields not on the create screen of " + project + "/"
          + type.name() + ": " + String.join(", ", offScreen));
    }
    if (!screen.contains("priority")) {
      LOG.warn("Jira {}/{} has no priority field on its create screen; issues get no priority", project, type.name());
    }
    checkTransition(api, s, type.id(), false, List.of(s.doneTransition()));
    if (s.regressionMode() == JiraSettings.RegressionMode.REOPEN) {
      checkTransition(api, s, type.id(), true, s.reopenTransitions());
    }
    return new ProjectSetup(type.id(), screen);
  }

  /** Asks one existing issue (open for done, done for reopen) which transitions it offers. */
  private static void checkTransition(JiraApi api, JiraSettings s, String typeId, boolean fromDone,
      List<String> names) throws DeliveryException {
    Optional<JiraApi.Issue> sample = api.searchFirst(Jql.sample(s.projectKey(), typeId, fromDone));
    if (sample.isEmpty()) {
      LOG.info("No {} issue in Jira project {} to check transition {} against; it is looked up at first use",
          fromDone ? "done" : "open", s.projectKey(), names);
      return;
    }
    List<JiraApi.Transition> offered = api.transitions(sample.get().key());
    if (Transitions.pick(offered, names).isEmpty()) {
      throw new IllegalStateException("Jira transition " + String.join(" / ", names) + " is not offered from status '"
          + sample.get().statusName() + "' of " + sample.get().key() + " (offered: "
          + Transitions.describe(offered) + ")");
    }
  }
}
