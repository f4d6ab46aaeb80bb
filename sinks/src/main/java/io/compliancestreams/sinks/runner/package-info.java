/** The shared sink runner and the contract every destination implements. */
package io.compliancestreams.sinks.runner;
