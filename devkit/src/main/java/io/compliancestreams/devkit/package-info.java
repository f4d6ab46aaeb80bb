/**
 * Real infrastructure for tests and the demo, with or without Docker: an Apache Kafka broker in
 * KRaft mode ({@link io.compliancestreams.devkit.KafkaBroker}) and an AWS emulator endpoint
 * ({@link io.compliancestreams.devkit.AwsEmulator}).
 *
 * <p>Each is chosen in the same order: an endpoint named in the environment (start nothing), else a
 * container when a Docker engine answers, else a local one (a broker inside this JVM, a moto server
 * as a child process). The choice is a pure function of the environment and of whether Docker is
 * available, so it is tested without either. Kafka's internal server classes are used only by
 * {@code InJvmKafkaServer}.
 */
package io.compliancestreams.devkit;
