/**
 * The Slack destination: Block Kit messages for regressions and new failures, sent through an
 * incoming webhook or {@code chat.postMessage} (then threaded per finding), with burst digests,
 * per-channel pacing and mrkdwn escaping of every value that came from AWS.
 */
package io.compliancestreams.sinks.slack;
