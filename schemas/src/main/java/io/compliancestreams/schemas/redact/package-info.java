/**
 * Keeping configured secrets out of every text the project writes: log lines, exception messages,
 * dead-letter headers and command output all pass through {@link
 * io.compliancestreams.schemas.redact.Redactor}. Here because every other module depends on this one.
 */
package io.compliancestreams.schemas.redact;
