package io.compliancestreams.ingest.rescan;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResyncSchedulerTest {

  @Test
  void shouldRunTheFullScanRepeatedlyEvenAfterAFailure() {
    AtomicInteger runs = new AtomicInteger();
    Runnable scan = () -> {
      if (runs.incrementAndGet() == 1) {
        throw new IllegalStateException("AccessDenied in one account");
      }
    };
    try (ResyncScheduler scheduler = new ResyncScheduler(scan, Duration.ofMillis(50), Duration.ZERO)) {
      scheduler.start();

      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
    }
  }
}
