package io.compliancestreams.streams.topology;

import java.time.Duration;
import java.time.Instant;

/**
 * Limits the decoders enforce on input records before anything reaches state, so that one hostile
 * or corrupt record is dead-lettered instead of stalling the stream thread (docs/reliability.md).
 */
final class InputLimits {

  /**
   * Largest input record the topology decodes: half of Kafka's default 1 MiB
   * {@code max.message.bytes}, so the state built from it fits the changelog and repartition topics
   * (created with the broker defaults). Larger records go to the DLQ.
   */
  static final int MAX_DECODED_BYTES = 512 * 1024;

  /**
   * {@code max.message.bytes} of the input topics and their DLQs (and the application producer's
   * {@code max.request.size}): an input record a producer managed to write can always be copied
   * to its DLQ.
   */
  static final int MAX_INPUT_RECORD_BYTES = 8 * 1024 * 1024;

  /** How far ahead of this instance's clock a capture or event time may be (clock skew). */
  static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

  private InputLimits() {}

  /** The reason a record is too large to decode, or null. */
  static String tooLarge(byte[] raw) {
    return raw.length <= MAX_DECODED_BYTES ? null
        : "record is " + raw.length + " bytes, over the " + MAX_DECODED_BYTES + "-byte input limit";
  }

  /** The reason a time is too far in the future, or null. */
  static String inFuture(String field, Instant time, Instant now) {
    return time == null || !time.isAfter(now.plus(MAX_CLOCK_SKEW)) ? null
        : field + " " + time + " is more than " + MAX_CLOCK_SKEW + " ahead of the clock (" + now + ")";
  }
}
