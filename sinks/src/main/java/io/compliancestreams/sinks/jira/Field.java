package io.compliancestreams.sinks.jira;

/** One labelled line of an issue description: our own label, a value from AWS (untrusted). */
record Field(String label, String value) {}
