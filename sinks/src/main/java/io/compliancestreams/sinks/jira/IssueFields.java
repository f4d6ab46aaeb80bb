package io.compliancestreams.sinks.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.schemas.avro.FindingDelta;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code fields} of a create-issue request: project, issue type (by id), summary, description,
 * labels (ours plus the finding label), priority from severity, components and extra fields.
 * Priority and components are only sent when the create screen has them (team-managed projects
 * often have no priority field, and Jira rejects fields that are not on the screen).
 */
final class IssueFields {

  private final JiraSettings settings;
  private final String issueTypeId;
  private final Set<String> screenFields;
  private final DocumentFormat format;
  private final ObjectMapper json;

  IssueFields(JiraSettings settings, String issueTypeId, Set<String> screenFields,
      DocumentFormat format, ObjectMapper json) {
    this.settings = settings;
    this.issueTypeId = issueTypeId;
    this.screenFields = Set.copyOf(screenFields);
    this.format = format;
    this.json = json;
  }

  ObjectNode forFailure(FindingDelta d) {
    ObjectNode fields = json.createObjectNode();
    fields.putObject("project").put("key", settings.projectKey());
    fields.putObject("issuetype").put("id", issueTypeId);
    fields.put("summary", IssueContent.summary(d));
    List<Field> described = new java.util.ArrayList<>(IssueContent.fields(d));
    described.add(Field.link("Finding page", settings.findingPage(d.getFindingId())));
    fields.set("description", format.description(IssueContent.intro(d), described));
    ArrayNode labels = fields.putArray("labels");
    Set<String> all = new LinkedHashSet<>(settings.labels());
    all.add(IssueContent.PRODUCT_LABEL);
    all.add(IssueContent.findingLabel(d.getFindingId()));
    all.forEach(labels::add);
    String priority = settings.priorities().get(d.getSeverity());
    if (priority != null && screenFields.contains("priority")) {
      fields.putObject("priority").put("name", priority);
    }
    if (!settings.components().isEmpty() && screenFields.contains("components")) {
      ArrayNode components = fields.putArray("components");
      settings.components().forEach(c -> components.addObject().put("name", c));
    }
    settings.extraFields().forEach((id, value) -> {
      try {
        fields.set(id, json.readTree(value));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("extra field " + id + " is not JSON", e); // validated in settings
      }
    });
    return fields;
  }
}
