package io.compliancestreams.sinks.slack;

import static io.compliancestreams.sinks.slack.Mrkdwn.escape;

import io.compliancestreams.schemas.avro.FindingDelta;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One message standing for a burst of deltas: counts per practice, the first K resources, a link
 * to the dashboard. Lines are added while they fit Block Kit's section limit; the rest is counted
 * in an "and N more" line, so a burst of any size yields a valid message.
 */
final class DigestMessages {

  private final DashboardLinks links;
  private final int resources;

  DigestMessages(DashboardLinks links, int resources) {
    this.links = links;
    this.resources = resources;
  }

  SlackMessage of(List<FindingDelta> deltas, Duration window) {
    long alerts = deltas.stream().filter(d -> Notice.of(d) == Notice.ALERT).count();
    long resolutions = deltas.size() - alerts;
    String counts = alerts + " new or regressed failure" + (alerts == 1 ? "" : "s")
        + (resolutions > 0 ? ", " + resolutions + " resolved or closed" : "");
    BlockKit blocks = new BlockKit()
        .header("Compliance digest: " + deltas.size() + " changes")
        .section("More than the usual number of changes arrived within " + human(window)
            + ", so they are summarised here: " + counts + ".")
        .section(fitted("*By practice*", perPractice(deltas), 0))
        .section(fitted("*Resources* (first " + Math.min(resources, deltas.size()) + ")",
            firstResources(deltas), deltas.size() - Math.min(resources, deltas.size())))
        .section(BlockKit.link(links.overview(), "Open the dashboard"));
    return blocks.build("Compliance digest: " + deltas.size() + " changes (" + counts + ")");
  }

  private List<String> perPractice(List<FindingDelta> deltas) {
    Map<Integer, List<FindingDelta>> byPractice = deltas.stream()
        .collect(Collectors.groupingBy(FindingDelta::getPractice, LinkedHashMap::new, Collectors.toList()));
    return byPractice.values().stream()
        .sorted(Comparator.comparingInt((List<FindingDelta> l) -> l.size()).reversed()
            .thenComparing(l -> l.get(0).getPractice()))
        .map(l -> {
          FindingDelta first = l.get(0);
          return "• " + l.size() + " × Practice " + first.getPractice() + " ("
              + escape(first.getControlId()) + ", " + first.getSeverity() + ") "
              + escape(first.getTitle());
        })
        .toList();
  }

  private List<String> firstResources(List<FindingDelta> deltas) {
    return deltas.stream().limit(resources).map(d -> "• " + DeltaMessages.headline(d, Notice.of(d))
        + " · " + escape(d.getControlId()) + " · " + escape(d.getResourceType()) + " "
        + escape(d.getResourceId()) + " (" + escape(d.getAccountId()) + ", " + escape(d.getRegion()) + ")")
        .toList();
  }

  /** The title and as many lines as fit one section; what does not fit is counted. */
  private static String fitted(String title, List<String> lines, int alsoLeftOut) {
    StringBuilder text = new StringBuilder(title);
    int shown = 0;
    // Room for the "and N more" line, so the section never exceeds the limit.
    int budget = BlockKit.SECTION_TEXT - 40;
    for (String line : lines) {
      String cutLine = Mrkdwn.cut(line, 300);
      if (text.length() + 1 + cutLine.length() > budget) {
        break;
      }
      text.append('\n').append(cutLine);
      shown++;
    }
    int more = lines.size() - shown + alsoLeftOut;
    if (more > 0) {
      text.append("\n…and ").append(more).append(" more");
    }
    return text.toString();
  }

  private static String human(Duration d) {
    return d.toSeconds() % 60 == 0 && d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }
}
