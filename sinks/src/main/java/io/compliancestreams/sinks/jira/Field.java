package io.compliancestreams.sinks.jira;

/** One labelled line of an issue description: our own label, a value from AWS (untrusted). */
record Field(String label, String value, boolean link) {

  Field(String label, String value) {
    this(label, value, false);
  }

  /** A link of ours (the finding's page), which the format renders as a link; never a value from AWS. */
  static Field link(String label, String url) {
    return new Field(label, url, true);
  }
}
