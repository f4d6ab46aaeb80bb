package io.compliancestreams.streams.practices.cloudtrail;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import io.compliancestreams.streams.practices.cloudtrail.TrailInventory.ListedTrail;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Practice 12 (CloudTrail.1): the account has at least one multi-Region trail that is logging and
 * records all read and write management events.
 *
 * <p>Reads the per-region {@link CloudTrailTypes#TRAILS} snapshots, which exist even when a region
 * has no trail, so "no trail at all" fails. Shadow copies of a multi-Region trail count once. An
 * organization trail seen from a member account counts for the member, as in Security Hub.
 */
public final class MultiRegionTrailEnabled implements Practice {

  private static final String SOURCE = "cloudtrail.amazonaws.com";

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          12,
          "CloudTrail.1",
          "CloudTrail should be enabled and configured with at least one multi-Region trail that"
              + " includes read and write management events",
          Severity.HIGH,
          Severity.HIGH,
          Scope.ACCOUNT,
          List.of(ResourceTypes.CLOUDTRAIL_TRAILS),
          List.of(
              EventTrigger.rescan(SOURCE, "CreateTrail", ResourceTypes.CLOUDTRAIL_TRAILS, ResourceLocator.accountRegion()),
              EventTrigger.rescan(SOURCE, "UpdateTrail", ResourceTypes.CLOUDTRAIL_TRAILS, ResourceLocator.accountRegion()),
              EventTrigger.decisive(SOURCE, "DeleteTrail", ResourceTypes.CLOUDTRAIL_TRAILS, ResourceLocator.accountRegion()),
              EventTrigger.decisive(SOURCE, "StartLogging", ResourceTypes.CLOUDTRAIL_TRAILS, ResourceLocator.accountRegion()),
              EventTrigger.decisive(SOURCE, "StopLogging", ResourceTypes.CLOUDTRAIL_TRAILS, ResourceLocator.accountRegion()),
              EventTrigger.rescan(
                  SOURCE, "PutEventSelectors", ResourceTypes.CLOUDTRAIL_TRAILS, ResourceLocator.accountRegion())),
          List.of(),
          "Create a trail with --is-multi-region-trail (or convert one with UpdateTrail), start it "
              + "with StartLogging, and keep a management event selector with ReadWriteType All and "
              + "no excluded event sources. In an organization, an organization trail from the "
              + "management account covers every member. Alert on StopLogging and DeleteTrail so a "
              + "stopped trail is noticed at once.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    List<ConfigurationItem> snapshots = input.itemsOfType(ResourceTypes.CLOUDTRAIL_TRAILS);
    List<ListedTrail> trails = TrailInventory.distinct(snapshots);
    ResourceRef account = ResourceRef.account(input.subject().accountId());
    int n = METADATA.number();

    ListedTrail qualifying = null;
    List<String> gaps = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (ListedTrail trail : trails) {
      Shortfall shortfall = shortfall(trail);
      if (shortfall == null) {
        qualifying = trail;
        break; // trails are ordered by ARN, so the named one is stable
      }
      (shortfall.dataMissing() ? unknown : gaps).add(trail.label() + " " + shortfall.detail());
    }

    Evaluation result;
    if (qualifying != null) {
      result =
          Evaluation.pass(
              n,
              account,
              "Multi-Region " + qualifying.label()
                  + " is logging and records all read and write management events");
    } else if (!unknown.isEmpty()) {
      result =
          Evaluation.error(
              n,
              account,
              "Cannot tell whether a multi-Region trail is logging all management events: "
                  + String.join("; ", concat(unknown, gaps)));
    } else if (trails.isEmpty()) {
      result =
          Evaluation.fail(
              n,
              account,
              "No CloudTrail trail exists in the " + snapshots.size() + " region(s) scanned");
    } else {
      result =
          Evaluation.fail(
              n,
              account,
              "No multi-Region trail is logging all read and write management events: "
                  + String.join("; ", gaps));
    }
    return List.of(result);
  }

  /** Why a trail does not qualify; {@code dataMissing} when the snapshot lacks what decides it. */
  private record Shortfall(String detail, boolean dataMissing) {}

  /** Null when the trail qualifies. */
  private static Shortfall shortfall(ListedTrail trail) {
    if (!trail.multiRegion()) {
      return new Shortfall("is single-Region", false);
    }
    if (!trail.entry().field("Status").isPresent()) {
      return new Shortfall("has no GetTrailStatus result", true);
    }
    Optional<Boolean> logging = trail.isLogging();
    if (logging.isEmpty()) {
      return new Shortfall("has no IsLogging in its GetTrailStatus result", true);
    }
    if (!logging.get()) {
      return new Shortfall("is not logging", false);
    }
    ManagementEventCoverage.Result coverage = ManagementEventCoverage.of(trail.entry());
    return coverage.complete() ? null : new Shortfall(coverage.detail(), coverage.unknown());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
