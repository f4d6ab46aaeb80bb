package io.compliancestreams.ingest.config;

/** A configuration item (or its notification) that cannot be mapped; {@link #field()} names the culprit. */
public final class MalformedItemException extends RuntimeException {

  private final String field;

  public MalformedItemException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
