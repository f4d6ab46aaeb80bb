package io.compliancestreams.sinks.slack;

import static io.compliancestreams.sinks.slack.Mrkdwn.escape;

import io.compliancestreams.schemas.avro.Attribution;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.sinks.attribution.ActorText;
import io.compliancestreams.sinks.text.ElapsedText;
import io.compliancestreams.sinks.text.ResourceLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * The message for one delta. Every value that came from AWS (resource type, id, ARN, account,
 * region, reason, remediation) is escaped for mrkdwn; our own catalogue's title goes into the
 * plain-text header, which Slack never parses.
 */
final class DeltaMessages {

  private final DashboardLinks links;

  DeltaMessages(DashboardLinks links) {
    this.links = links;
  }

  SlackMessage of(FindingDelta d, Notice notice) {
    String headline = headline(d, notice);
    BlockKit blocks = new BlockKit()
        .header(d.getSeverity() + " · Practice " + d.getPractice() + ": " + d.getTitle())
        .section("*" + headline + "* · " + transition(d) + failedFor(d) + "\n" + escape(d.getReason()) + actor(d))
        .fields(fields(d));
    if (notice == Notice.ALERT && d.getRemediation() != null && !d.getRemediation().isBlank()) {
      blocks.section("*Remediation*\n" + escape(d.getRemediation()));
    }
    blocks.section(BlockKit.link(links.finding(d.getFindingId()), "Open finding in the dashboard"));
    List<String> context = new ArrayList<>();
    context.add("Finding " + escape(d.getFindingId()) + " · change " + d.getSequence()
        + " · evaluated " + d.getEvaluatedAt() + " · trigger " + d.getTrigger().getKind());
    if (d.getAttribution() != null) {
      context.add(call(d.getAttribution()));
    }
    blocks.context(context);
    return blocks.build("[" + d.getSeverity() + "] " + headline + ": " + escape(d.getControlId())
        + " " + escape(d.getTitle()) + " on " + escape(d.getResourceType()) + " " + escape(ResourceLabel.of(d))
        + " (" + escape(d.getAccountId()) + ", " + escape(d.getRegion()) + ")");
  }

  static String headline(FindingDelta d, Notice notice) {
    if (notice == Notice.RESOLUTION) {
      return d.getChangeKind() == ChangeKind.CLOSED ? "Closed" : "Resolved";
    }
    if (d.getNewStatus() == FindingStatus.ERROR) {
      return "Evaluation error";
    }
    return switch (d.getChangeKind()) {
      case REGRESSED -> "Regression";
      case NEW -> "New failure";
      default -> "Now failing";
    };
  }

  /**
   * {@code \n_by arn:…/alice from 203.0.113.7_}; "probably by" when the event is only the most
   * recent one seen for the resource. Empty when the delta names no actor.
   */
  private static String actor(FindingDelta d) {
    String who = ActorText.of(d.getAttribution());
    return who == null ? "" : "\n_Changed " + escape(who) + "_";
  }

  /** The call behind the actor: API, time, session issuer (for a role session) and user agent. */
  private static String call(Attribution a) {
    StringBuilder s = new StringBuilder(escape(ActorText.call(a)));
    if (a.getSessionIssuerArn() != null) {
      s.append(" · session issued by ").append(escape(a.getSessionIssuerArn()));
    }
    if (a.getUserAgent() != null) {
      s.append(" · user agent ").append(escape(a.getUserAgent()));
    }
    if (ActorText.probable(a)) {
      s.append(" · probable cause: the most recent call seen for this resource, not proven");
    }
    return s.toString();
  }

  /** {@code " · failed for 3 h 12 min"} on the delta that ended a failure; empty otherwise. */
  private static String failedFor(FindingDelta d) {
    Long millis = d.getFailedForMillis();
    return millis == null ? "" : " · failed for " + ElapsedText.of(java.time.Duration.ofMillis(millis));
  }

  private static String transition(FindingDelta d) {
    String now = d.getNewStatus() == null ? "gone" : d.getNewStatus().toString();
    return d.getPreviousStatus() == null ? now : now + " (was " + d.getPreviousStatus() + ")";
  }

  private static List<String> fields(FindingDelta d) {
    List<String> fields = new ArrayList<>();
    fields.add("*Control*\n" + escape(d.getControlId()));
    fields.add("*Severity*\n" + d.getSeverity());
    fields.add("*Resource type*\n" + escape(d.getResourceType()));
    if (d.getResourceName() != null && !d.getResourceName().equals(d.getResourceId())) {
      fields.add("*Resource*\n" + escape(d.getResourceName()));
    }
    fields.add("*Resource id*\n" + escape(d.getResourceId()));
    if (d.getResourceArn() != null) {
      fields.add("*ARN*\n" + escape(d.getResourceArn()));
    }
    fields.add("*Account*\n" + escape(d.getAccountId()));
    fields.add("*Region*\n" + escape(d.getRegion()));
    return fields;
  }
}
