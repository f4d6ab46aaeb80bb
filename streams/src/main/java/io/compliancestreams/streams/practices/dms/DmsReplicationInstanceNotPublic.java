package io.compliancestreams.streams.practices.dms;


import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/**
 * Practice 20 (DMS.1): a DMS replication instance must not be publicly accessible. AWS Config
 * records the CloudFormation-shaped, PascalCase {@code PubliclyAccessible}. The flag is fixed at
 * creation, so only create and delete events matter.
 */
public final class DmsReplicationInstanceNotPublic implements Practice {

  public static final String REPLICATION_INSTANCE = "AWS::DMS::ReplicationInstance";
  private static final String DMS = "dms.amazonaws.com";

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          20,
          "DMS.1",
          "Database Migration Service replication instances should not be public",
          Severity.HIGH,
          Severity.CRITICAL,
          Scope.RESOURCE,
          List.of(REPLICATION_INSTANCE),
          List.of(
              EventTrigger.rescan(
                  DMS,
                  "CreateReplicationInstance",
                  REPLICATION_INSTANCE,
                  ResourceLocator.response("replicationInstance.replicationInstanceArn")),
              EventTrigger.rescan(
                  DMS,
                  "DeleteReplicationInstance",
                  REPLICATION_INSTANCE,
                  ResourceLocator.request("replicationInstanceArn"))),
          List.of(),
          "Public accessibility cannot be changed on an existing replication instance. Create a"
              + " replacement with 'publicly accessible' turned off (the API defaults to on, so set"
              + " it explicitly) in a private subnet group, move the replication tasks to it, then"
              + " delete the public instance. Reach on-premises databases over VPN, Direct Connect"
              + " or peering instead.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-1"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    DmsReplicationInstance instance = DmsReplicationInstance.of(input.item());
    ResourceRef ref = instance.item().ref();
    boolean publiclyAccessible = instance.publiclyAccessible();
    String name = "DMS replication instance " + instance.identifier();
    if (!publiclyAccessible) {
      return List.of(Evaluation.pass(20, ref, name + " is not publicly accessible"));
    }
    List<String> ips = instance.publicIps();
    String suffix = ips.isEmpty() ? "" : " (public IP " + String.join(", ", ips) + ")";
    return List.of(Evaluation.fail(20, ref, name + " is publicly accessible" + suffix));
  }
}
