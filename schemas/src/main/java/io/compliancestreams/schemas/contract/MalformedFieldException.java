package io.compliancestreams.schemas.contract;

/**
 * An AWS record (a configuration item, a CloudTrail record) with a field that is missing or cannot
 * be read. The message is {@code <field path>: <problem>}: it becomes the dead letter's or the
 * ERROR finding's reason, so an operator can find the culprit in the record.
 */
public final class MalformedFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public MalformedFieldException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The path of the offending field, e.g. {@code configuration} or {@code relationships[2]}. */
  public String field() {
    return field;
  }

  /** What is wrong with it, without the field. */
  public String problem() {
    return problem;
  }
}
