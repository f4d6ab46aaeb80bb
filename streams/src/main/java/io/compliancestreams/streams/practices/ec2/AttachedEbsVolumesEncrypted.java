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
import java.util.ArrayList;
import java.util.List;

/**
 * Practice 16 (EC2.3): an EBS volume that is attached to an instance must be encrypted. Detached
 * volumes are not applicable, as in the AWS Config rule {@code encrypted-volumes} (Prowler checks
 * every volume; we follow Security Hub).
 */
public final class AttachedEbsVolumesEncrypted implements Practice {

  private static final String EC2 = "ec2.amazonaws.com";

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          16,
          "EC2.3",
          "Attached Amazon EBS volumes should be encrypted at rest",
          Severity.MEDIUM,
          Severity.MEDIUM,
          Scope.RESOURCE,
          List.of(ResourceTypes.EC2_VOLUME),
          List.of(
              EventTrigger.rescan(
                  EC2, "CreateVolume", ResourceTypes.EC2_VOLUME, ResourceLocator.response("volumeId")),
              EventTrigger.rescan(
                  EC2, "AttachVolume", ResourceTypes.EC2_VOLUME, ResourceLocator.request("volumeId")),
              EventTrigger.rescan(
                  EC2, "DetachVolume", ResourceTypes.EC2_VOLUME, ResourceLocator.request("volumeId")),
              EventTrigger.rescan(
                  EC2, "DeleteVolume", ResourceTypes.EC2_VOLUME, ResourceLocator.request("volumeId")),
              // The ids of volumes created or deleted with an instance are not in these events:
              // rescan the region's volumes.
              EventTrigger.rescan(
                  EC2, "RunInstances", ResourceTypes.EC2_VOLUME, ResourceLocator.accountRegion()),
              EventTrigger.rescan(
                  EC2, "TerminateInstances", ResourceTypes.EC2_VOLUME, ResourceLocator.accountRegion())),
          List.of(),
          "Encryption cannot be switched on for an existing volume. Snapshot the volume, copy the"
              + " snapshot with encryption enabled (choosing a KMS key), create a new volume from"
              + " the encrypted copy, and swap it in for the old one while the instance is stopped."
              + " Turn on EBS encryption by default in every Region so new volumes start"
              + " encrypted.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-3"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    EbsVolume volume = EbsVolume.of(input.item());
    ConfigurationItem item = volume.item();
    List<String> attachedTo = attachedInstances(volume);
    String name = item.resourceId();
    if (attachedTo.isEmpty()) {
      String state = volume.state().orElse("unknown");
      return List.of(
          Evaluation.notApplicable(
              16,
              item.ref(),
              "Volume "
                  + name
                  + " is not attached to an instance (state "
                  + state
                  + "); EC2.3 covers attached volumes only"));
    }
    boolean encrypted = volume.encrypted();
    String where = "Volume " + name + " attached to " + String.join(", ", attachedTo);
    if (!encrypted) {
      return List.of(Evaluation.fail(16, item.ref(), where + " is not encrypted"));
    }
    String key = volume.kmsKeyId().map(k -> " with KMS key " + k).orElse("");
    return List.of(Evaluation.pass(16, item.ref(), where + " is encrypted" + key));
  }

  /**
   * The instances the volume is attached to. Any attachment not yet {@code detached} counts
   * (attaching, attached, detaching, busy): the volume is in use by that instance. A volume in
   * state {@code in-use} without attachment details still counts as attached.
   */
  private static List<String> attachedInstances(EbsVolume volume) {
    List<String> instances = new ArrayList<>();
    for (EbsVolume.Attachment attachment : volume.attachments()) {
      if (!attachment.state().orElse("attached").equals("detached")) {
        String instance = attachment.instanceId().orElse("an unnamed instance");
        String device = attachment.device().map(d -> " (" + d + ")").orElse("");
        instances.add(instance + device);
      }
    }
    if (instances.isEmpty() && volume.state().orElse("").equals("in-use")) {
      instances.add("an instance (state in-use)");
    }
    return instances;
  }
}
