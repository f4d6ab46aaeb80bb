package io.compliancestreams.sinks.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links into the dashboard: the base for digests, the finding's page ({@code <base>/findings/<id>})
 * for one finding.
 */
record DashboardLinks(URI base) {

  String overview() {
    return base.toString();
  }

  String finding(String findingId) {
    String b = base.toString();
    String sep = b.endsWith("/") ? "" : "/";
    // URL-encoding also removes '|' and '>' so the id cannot end the mrkdwn link early.
    return b + sep + "findings/" + URLEncoder.encode(findingId, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
