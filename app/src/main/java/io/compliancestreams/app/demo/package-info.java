/**
 * The {@code demo} command: an in-JVM broker, the real topology and query API, a simulated
 * organisation of two AWS accounts and a scripted CloudTrail stream through the real replay
 * source, so a newcomer sees deltas happen live without an AWS account or any configuration.
 */
package io.compliancestreams.app.demo;
