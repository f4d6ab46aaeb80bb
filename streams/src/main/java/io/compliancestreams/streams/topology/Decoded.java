package io.compliancestreams.streams.topology;

/**
 * The result of decoding one input record: the value, or why it cannot be used (the record then
 * goes, with its original bytes, to the input's dead-letter topic).
 */
record Decoded<T>(T value, byte[] raw, String reason, String exceptionClass) {

  static <T> Decoded<T> ok(T value) {
    return new Decoded<>(value, null, null, null);
  }

  static <T> Decoded<T> failed(byte[] raw, String reason, Throwable cause) {
    return new Decoded<>(null, raw, reason, cause == null ? null : cause.getClass().getName());
  }

  /** The bytes could not be read or mapped: the exception's message is the reason. */
  static <T> Decoded<T> unreadable(byte[] raw, RuntimeException e) {
    return failed(raw, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
  }

  /** The same result with other bytes to dead-letter (a cut copy of an oversized record). */
  Decoded<T> withRaw(byte[] bytes) {
    return new Decoded<>(value, bytes, reason, exceptionClass);
  }

  boolean failed() {
    return reason != null;
  }
}
