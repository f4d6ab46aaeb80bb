/**
 * AWS Config practice: a configuration recorder is recording in every region (Config.1), read from
 * the per-region {@code ComplianceStreams::Config::RecorderStatus} extension snapshot.
 */
package io.compliancestreams.streams.practices.config;
