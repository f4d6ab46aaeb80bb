package io.compliancestreams.ingest.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts API calls per service and operation (retries excluded), for the scan summary and the
 * scan-cost benchmark: an accidental N+1 shows as calls per resource.
 */
public final class CallCounter implements ExecutionInterceptor {

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    calls.computeIfAbsent(service + ":" + operation, k -> new LongAdder()).increment();
  }

  /** {@code Service:Operation} → calls, sorted. */
  public Map<String, Long> byOperation() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Service → calls, sorted. */
  public Map<String, Long> byService() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.merge(k.substring(0, k.indexOf(':')), v.sum(), Long::sum));
    return out;
  }

  public long total() {
    return calls.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
