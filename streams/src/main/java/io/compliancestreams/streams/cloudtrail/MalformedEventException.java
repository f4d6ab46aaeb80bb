package io.compliancestreams.streams.cloudtrail;

/** A CloudTrail record that cannot be read; the message names the offending field. */
public final class MalformedEventException extends RuntimeException {

  private final String field;

  public MalformedEventException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The record field that is missing or unreadable, e.g. {@code eventTime}. */
  public String field() {
    return field;
  }
}
