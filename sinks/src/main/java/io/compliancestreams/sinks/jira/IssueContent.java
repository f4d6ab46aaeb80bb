package io.compliancestreams.sinks.jira;

import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.sinks.text.MiddleCut;
import io.compliancestreams.sinks.text.ResourceLabel;
import io.compliancestreams.sinks.attribution.ActorText;
import java.util.List;

/** The words of an issue, built from a delta; formats ({@link DocumentFormat}) do the escaping. */
final class IssueContent {

  static final int SUMMARY_LIMIT = 255;
  static final String PRODUCT_LABEL = "compliance-streams";

  private IssueContent() {}

  /** {@code cs-<finding id>}: Jira labels cannot contain spaces, so whitespace becomes '_'. */
  static final String ELLIPSIS = "…";

  /** At most {@code limit} characters, ending with an ellipsis when cut; never splits a surrogate pair. */
  static String cut(String value, int limit) {
    if (value == null || value.length() <= limit) {
      return value;
    }
    int end = limit - ELLIPSIS.length();
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end) + ELLIPSIS;
  }

  static String findingLabel(String findingId) {
    return "cs-" + findingId.replaceAll("\\s", "_");
  }

  /**
   * {@code [<control>] <title> — <resource name (id)>}, one line, at most 255 characters: a long
   * one loses its middle, so the resource at its end stays.
   */
  static String summary(FindingDelta d) {
    String s = ("[" + d.getControlId() + "] " + d.getTitle() + " — " + ResourceLabel.of(d))
        .replaceAll("[\\r\\n\\t]+", " ");
    return MiddleCut.of(s, SUMMARY_LIMIT);
  }

  static String intro(FindingDelta d) {
    return "Compliance Streams found that practice " + d.getPractice() + " (" + d.getControlId()
        + ") fails for this resource.";
  }

  static List<Field> fields(FindingDelta d) {
    return List.of(
        new Field("Severity", d.getSeverity().name()),
        new Field("Practice", d.getPractice() + " — " + d.getTitle()),
        new Field("Control", d.getControlId()),
        new Field("Resource type", d.getResourceType()),
        new Field("Resource", d.getResourceName()),
        new Field("Resource id", d.getResourceId()),
        new Field("Resource ARN", d.getResourceArn()),
        new Field("Account", d.getAccountId()),
        new Field("Region", d.getRegion()),
        new Field("Reason", d.getReason()),
        new Field("Remediation", d.getRemediation()),
        new Field("Evaluated at", d.getEvaluatedAt().toString()),
        new Field("Changed", ActorText.of(d.getAttribution())),
        new Field("Session issued by", d.getAttribution() == null ? null : d.getAttribution().getSessionIssuerArn()),
        new Field("User agent", d.getAttribution() == null ? null : d.getAttribution().getUserAgent()),
        new Field("CloudTrail call", call(d)),
        new Field("Finding id", d.getFindingId()));
  }

  /** The call, marked when it is only the probable cause (the most recent one seen for the resource). */
  private static String call(FindingDelta d) {
    String call = ActorText.call(d.getAttribution());
    if (call == null) {
      return null;
    }
    return ActorText.probable(d.getAttribution())
        ? call + " — probable cause: the most recent call seen for this resource" : call;
  }

  static String resolvedSentence(FindingDelta d) {
    return "Resolved: the resource passes " + d.getControlId() + " again (evaluated "
        + d.getEvaluatedAt() + "). Reason:";
  }

  static String closedSentence(FindingDelta d) {
    return "Closed: the resource was deleted or " + d.getControlId()
        + " no longer applies to it (evaluated " + d.getEvaluatedAt() + "). Reason:";
  }

  static String regressedSentence(FindingDelta d) {
    return "Regressed: the resource fails " + d.getControlId() + " again (evaluated "
        + d.getEvaluatedAt() + "). Reason:";
  }

  /**
   * The last line of every comment we make for a delta, naming it by its id: a retry after a crash
   * looks for it among the issue's newest comments before commenting again.
   */
  static String marker(FindingDelta d) {
    return "Compliance Streams delta " + d.getDeltaId();
  }

  static String linkedSentence(String previousKey) {
    return "This finding failed before in " + previousKey + ", which is done; it fails again.";
  }
}
