package io.compliancestreams.streams.practices.ec2;


import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/**
 * Practice 21 (EC2.1): an EBS snapshot the account owns must not grant create-volume permission to
 * group {@code all}. Security Hub reports one result per Region; we report per snapshot so the
 * finding names it (a Region roll-up is a count of these).
 *
 * <p>We report the configured permission and ignore the Region's snapshot block public access
 * state: {@code block-all-sharing} hides a public snapshot only until someone turns it off, and
 * Security Hub's wording is about snapshots "configured" to be publicly restorable.
 */
public final class EbsSnapshotNotPublic implements Practice {

  private static final String EC2 = "ec2.amazonaws.com";
  private static final String TYPE = ResourceTypes.EC2_SNAPSHOT;

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          21,
          "EC2.1",
          "Amazon EBS snapshots should not be publicly restorable",
          Severity.HIGH,
          Severity.CRITICAL,
          Scope.RESOURCE,
          List.of(TYPE),
          List.of(
              // Adding group "all" makes it public, removing it makes it private: the request
              // alone decides.
              EventTrigger.decisive(
                  EC2, "ModifySnapshotAttribute", TYPE, ResourceLocator.request("snapshotId")),
              EventTrigger.rescan(
                  EC2, "ResetSnapshotAttribute", TYPE, ResourceLocator.request("snapshotId")),
              EventTrigger.rescan(
                  EC2, "DeleteSnapshot", TYPE, ResourceLocator.request("snapshotId"))),
          List.of(),
          "Remove the 'all' group from the snapshot's create-volume permissions (Modify permissions"
              + " > Private in the console, or 'aws ec2 modify-snapshot-attribute --operation-type"
              + " remove --group-names all'), and share with named accounts only when needed. Turn"
              + " on block public access for snapshots in every Region to stop new public sharing.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-1"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    EbsSnapshot snapshot = EbsSnapshot.of(input.item());
    ConfigurationItem item = snapshot.item();
    String name =
        "Snapshot "
            + item.resourceId()
            + snapshot.volumeId().map(v -> " (of " + v + ")").orElse("");
    String owner = snapshot.ownerId();
    if (!owner.equals(item.accountId())) {
      return List.of(
          Evaluation.notApplicable(
              21,
              item.ref(),
              name
                  + " is owned by account "
                  + owner
                  + "; EC2.1 covers snapshots the account owns"));
    }
    List<EbsSnapshot.Permission> permissions = snapshot.createVolumePermissions();
    boolean publicGroup =
        permissions.stream().anyMatch(p -> p.group().filter("all"::equals).isPresent());
    List<String> accounts =
        permissions.stream().flatMap(p -> p.userId().stream()).toList();
    if (publicGroup) {
      return List.of(
          Evaluation.fail(
              21,
              item.ref(),
              name + " is public: its create-volume permission grants group 'all'"));
    }
    String shares =
        accounts.isEmpty()
            ? "it has no create-volume permission"
            : "it is shared with account " + String.join(", ", accounts) + " only";
    return List.of(Evaluation.pass(21, item.ref(), name + " is not public: " + shares));
  }
}
