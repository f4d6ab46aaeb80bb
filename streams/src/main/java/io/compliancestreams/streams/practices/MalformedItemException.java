package io.compliancestreams.streams.practices;

/** A configuration item that cannot be read; the message names the field and the problem. */
public final class MalformedItemException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public MalformedItemException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The offending field, e.g. {@code configuration} or {@code configurationItemCaptureTime}. */
  public String field() {
    return field;
  }
}
