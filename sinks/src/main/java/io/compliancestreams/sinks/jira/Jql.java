package io.compliancestreams.sinks.jira;

/** The JQL queries we run, with every value quoted as a JQL string. */
final class Jql {

  private Jql() {}

  /** Newest first: after NEW_LINKED the label is on several issues and the newest is current. */
  static String byLabel(String projectKey, String label) {
    return "project = " + quote(projectKey) + " AND labels = " + quote(label) + " ORDER BY created DESC";
  }

  /** Any issue of the type, open or done, to check at start that our transitions exist. */
  static String sample(String projectKey, String issueTypeId, boolean done) {
    return "project = " + quote(projectKey) + " AND issuetype = " + quote(issueTypeId)
        + " AND statusCategory " + (done ? "=" : "!=") + " Done ORDER BY created DESC";
  }

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
