package io.compliancestreams.streams.practices.cloudtrail;

import io.compliancestreams.streams.practices.ConfigurationItem;

/**
 * Where an {@code AWS::CloudTrail::Trail} item is evaluated. A trail's settings belong to its home
 * region and owning account: a shadow copy (same trail seen from another region) or an
 * organization trail seen from a member account would only duplicate the owner's finding, so the
 * per-trail practices mark them not applicable instead.
 */
final class TrailHome {

  private TrailHome() {}

  /** Why this copy is not evaluated here, or null when it is the trail's own item. */
  static String elsewhere(ConfigurationItem trail) {
    String home = text(trail, "homeRegion");
    if (home != null && !home.equals(trail.awsRegion())) {
      return "Trail " + trail.displayName() + " is a shadow copy in " + trail.awsRegion()
          + " of a multi-Region trail whose home Region is " + home + "; it is evaluated there";
    }
    String arn = text(trail, "trailARN");
    String[] parts = arn == null ? new String[0] : arn.split(":", 6);
    if (parts.length == 6 && !parts[4].isEmpty() && !parts[4].equals(trail.accountId())) {
      return "Trail " + trail.displayName() + " is an organization trail owned by account "
          + parts[4] + "; it is evaluated in that account";
    }
    return null;
  }

  /** A string member of the trail's configuration, or null. */
  static String text(ConfigurationItem trail, String field) {
    return JsonFields.text(trail.configuration().path(field), null, "configuration." + field);
  }
}
