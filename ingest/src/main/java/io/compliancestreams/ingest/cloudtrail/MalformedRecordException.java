package io.compliancestreams.ingest.cloudtrail;

/** A CloudTrail record (or its envelope) that cannot be mapped; {@link #field()} names the culprit. */
public final class MalformedRecordException extends RuntimeException {

  private final String field;

  public MalformedRecordException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
