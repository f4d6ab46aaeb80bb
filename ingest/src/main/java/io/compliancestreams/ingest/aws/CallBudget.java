package io.compliancestreams.ingest.aws;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Holds every HTTP attempt (retries included: they cost the API the same) to at most
 * {@code callsPerSecond} per service and region, so a scan of a large account stays below the
 * APIs' throttling limits instead of leaning on retries. AWS throttles per account, service and
 * region, so one budget serves one account's clients in every region.
 */
final class CallBudget implements ExecutionInterceptor {

  /** Waits the given nanoseconds; throws if interrupted. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final double callsPerSecond;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final Map<String, TokenBucket> buckets = new HashMap<>();

  CallBudget(double callsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    this.callsPerSecond = callsPerSecond;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /** A budget on the system clock; {@code callsPerSecond} 0 or less means unlimited. */
  static CallBudget perSecond(int callsPerSecond) {
    return new CallBudget(callsPerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  boolean unlimited() {
    return callsPerSecond <= 0;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (unlimited()) {
      return;
    }
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
        + "@" + (region == null ? "?" : region.id());
    long wait = reserve(key);
    if (wait > 0) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw AbortedException.builder().message("Interrupted while waiting for the " + key
            + " call budget").cause(e).build();
      }
    }
  }

  /** The wait for one more call to {@code key}: the reservation is taken under the lock, the wait is not. */
  synchronized long reserve(String key) {
    long now = nanoTime.getAsLong();
    return buckets.computeIfAbsent(key, k -> new TokenBucket(callsPerSecond, now)).reserve(now);
  }
}
