package io.compliancestreams.sinks.runner;

import java.time.Duration;
import org.junit.jupiter.api.Tag;

/**
 * {@link SinkOutageTest} with an outage of a minute per destination (three 20 s phases) and retry
 * settings that outlast it (backoff up to 1 s, 90 attempts). About 7 minutes; run with
 * {@code mvn -P reliability}.
 */
@Tag("reliability")
class SinkLongOutageTest extends SinkOutageTest {

  @Override
  Outage outage() {
    return new Outage(Duration.ofSeconds(20), Duration.ofSeconds(1), 90);
  }
}
