/** The benchmark harness of issue 8: throughput, latency, state, scan cost and JMH, next to same-run baselines. */
package io.compliancestreams.bench;
