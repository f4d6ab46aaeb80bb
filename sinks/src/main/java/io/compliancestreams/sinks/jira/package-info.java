/**
 * Files and follows one Jira issue per failing finding (Cloud REST v3 with ADF, or Server/Data
 * Center REST v2 with wiki text), idempotent across restarts and replays through a compacted
 * finding → issue-key map and a deterministic per-finding label.
 */
package io.compliancestreams.sinks.jira;
