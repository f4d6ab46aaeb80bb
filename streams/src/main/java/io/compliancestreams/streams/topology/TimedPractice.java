package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ScopeInput;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * A practice whose every evaluation is timed into a Kafka Streams sensor, so each practice's
 * evaluation time reaches the app's {@code /metrics} with Kafka Streams' own metrics. The timing
 * lives here, around the practice, because practices are pure and read no clock.
 *
 * <p>Metrics (group {@code stream-practice-metrics}, tags {@code thread-id}, {@code practice-id}
 * = the practice number, {@code control-id}): {@code evaluate-latency-avg} and
 * {@code evaluate-latency-max} in nanoseconds, {@code evaluate-rate} and {@code evaluate-total},
 * one evaluation being one practice on one scope (a resource, an account or an account-region).
 */
final class TimedPractice implements Practice {

  static final String SCOPE = "practice";
  static final String OPERATION = "evaluate";
  static final String CONTROL_TAG = "control-id";

  private final Practice delegate;
  private final Sensor sensor;

  private TimedPractice(Practice delegate, Sensor sensor) {
    this.delegate = delegate;
    this.sensor = sensor;
  }

  /**
   * Wraps a practice with its sensor. Call from a processor's {@code init}: Kafka Streams names the
   * sensor after the calling stream thread, and every task of that thread gets the same sensor
   * back, so the figures are per thread and practice whatever the number of tasks. For the same
   * reason a closing processor leaves the sensor in place: another task of its thread records into
   * it.
   */
  static Practice timed(Practice practice, StreamsMetrics metrics) {
    PracticeMetadata meta = practice.metadata();
    Sensor sensor = metrics.addLatencyRateTotalSensor(SCOPE, String.valueOf(meta.number()),
        OPERATION, Sensor.RecordingLevel.INFO, CONTROL_TAG, meta.controlId());
    return new TimedPractice(practice, sensor);
  }

  @Override
  public PracticeMetadata metadata() {
    return delegate.metadata();
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    long start = System.nanoTime();
    try {
      return delegate.evaluate(input);
    } finally {
      // Also when it throws: the engine turns that into an ERROR, and a practice that is slow to
      // fail is as worth seeing as one slow to pass.
      sensor.record(System.nanoTime() - start);
    }
  }
}
