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
  static String elsewhere(Trail trail) {
    ConfigurationItem item = trail.item();
    String home = trail.homeRegion().orElse(null);
    if (home != null && !home.equals(item.awsRegion())) {
      return "Trail " + item.displayName() + " is a shadow copy in " + item.awsRegion()
          + " of a multi-Region trail whose home Region is " + home + "; it is evaluated there";
    }
    String arn = trail.trailArn().orElse(null);
    String[] parts = arn == null ? new String[0] : arn.split(":", 6);
    if (parts.length == 6 && !parts[4].isEmpty() && !parts[4].equals(item.accountId())) {
      return "Trail " + item.displayName() + " is an organization trail owned by account "
          + parts[4] + "; it is evaluated in that account";
    }
    return null;
  }
}
