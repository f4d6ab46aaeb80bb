package io.compliancestreams.app.cli;

/** How commands print results. */
enum OutputFormat {
  /** A human-readable table. */
  table,
  /** One JSON object per line. */
  json
}
