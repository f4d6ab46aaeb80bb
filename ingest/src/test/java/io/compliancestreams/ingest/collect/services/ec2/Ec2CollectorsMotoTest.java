package io.compliancestreams.ingest.collect.services.ec2;

import static io.compliancestreams.ingest.collect.services.CollectorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.services.CollectorHarness;
import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.schemas.avro.Relationship;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.TrafficType;
import software.amazon.awssdk.services.ec2.model.Volume;

/** The EC2 collectors against a real moto server. */
class Ec2CollectorsMotoTest {

  private static final String REGION = AwsEmulator.REGION;
  private static AwsEmulator emulator;
  private static CollectorHarness harness;
  private static Ec2Client ec2;

  @BeforeAll
  static void start() {
    emulator = AwsEmulator.start();
    harness = new CollectorHarness(emulator.endpoint(), REGION);
    ec2 = harness.clients().ec2();
  }

  @AfterAll
  static void stop() {
    harness.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  @Test
  void shouldCollectAttachedUnencryptedVolumeInAwsConfigShape() {
    String az = REGION + "a";
    String volumeId = ec2.createVolume(r -> r.availabilityZone(az).size(8).volumeType("gp3")
        .tagSpecifications(TagSpecification.builder().resourceType("volume")
            .tags(Tag.builder().key("team").value("payments").build()).build())).volumeId();
    String ami = ec2.describeImages(r -> r.maxResults(5)).images().get(0).imageId();
    String instanceId = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)
        .instanceType(InstanceType.T3_MICRO).placement(p -> p.availabilityZone(az)))
        .instances().get(0).instanceId();
    ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId).device("/dev/sdf"));
    Volume described = ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0);

    ResourceSnapshot s = only(harness.collect(new VolumeCollector(5)), volumeId);

    SnapshotAssert.envelope(s, "AWS::EC2::Volume", volumeId, REGION,
        "arn:aws:ec2:us-east-1:" + ACCOUNT + ":volume/" + volumeId, null);
    SnapshotAssert.tags(s, Map.of("team", "payments"));
    assertThat(s.getRelationships()).containsExactly(Relationship.newBuilder()
        .setResourceType("AWS::EC2::Instance").setResourceId(instanceId)
        .setRelationshipName("Is attached to Instance").build());
    // moto leaves out snapshotId, deleteOnTermination and multiAttachEnabled (real EC2 answers
    // "", false, false); the collector then writes null, as AWS Config does for absent fields.
    SnapshotAssert.configuration(s, """
        {"attachments": [{"attachTime": "%s", "device": "/dev/sdf", "instanceId": "%s",
                          "state": "attached", "volumeId": "%s", "deleteOnTermination": null,
                          "associatedResource": null, "instanceOwningService": null}],
         "availabilityZone": "us-east-1a", "createTime": "%s", "encrypted": false, "kmsKeyId": null,
         "outpostArn": null, "size": 8, "snapshotId": null, "state": "in-use", "volumeId": "%s",
         "iops": %s, "tags": [{"key": "team", "value": "payments"}], "volumeType": "gp3",
         "fastRestored": null, "multiAttachEnabled": null, "throughput": %s, "sseType": null}
        """.formatted(ApiJson.iso(described.attachments().get(0).attachTime()), instanceId, volumeId,
            ApiJson.iso(described.createTime()), volumeId, described.iops(), described.throughput()));
  }

  @Test
  void shouldCollectEncryptedDetachedVolumeWithItsKey() {
    String key = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/8e3a1c52-4d6f-47b0-9a21-5f7e0c3d9b14";
    String volumeId = ec2.createVolume(r -> r.availabilityZone(REGION + "b").size(20).encrypted(true).kmsKeyId(key))
        .volumeId();

    ResourceSnapshot s = only(harness.collect(new VolumeCollector(5)), volumeId);

    var config = CollectorHarness.json(s.getConfiguration());
    assertThat(config.get("encrypted").booleanValue()).isTrue();
    assertThat(config.get("kmsKeyId").textValue()).isEqualTo(key);
    assertThat(config.get("state").textValue()).isEqualTo("available");
    assertThat(config.get("attachments")).isEmpty();
    assertThat(s.getRelationships()).isEmpty();
  }

  @Test
  void shouldCollectEveryVolumeWhenThereAreMoreThanAPage() {
    List<String> ids = IntStream.range(0, 12)
        .mapToObj(i -> ec2.createVolume(r -> r.availabilityZone(REGION + "a").size(1)).volumeId())
        .toList();

    List<ResourceSnapshot> snapshots = harness.collect(new VolumeCollector(5));

    assertThat(snapshots).extracting(ResourceSnapshot::getResourceId).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void shouldAttachTheVpcsOwnFlowLogsAndAnEmptyListWhenThereAreNone() {
    String bucket = "flow-logs-" + ACCOUNT;
    harness.clients().s3().createBucket(r -> r.bucket(bucket));
    String vpcId = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
    String flowLogId = ec2.createFlowLogs(r -> r.resourceIds(vpcId).resourceType(FlowLogsResourceType.VPC)
        .trafficType(TrafficType.REJECT).logDestinationType("s3").logDestination("arn:aws:s3:::" + bucket))
        .flowLogIds().get(0);
    var flowLog = ec2.describeFlowLogs(r -> r.flowLogIds(flowLogId)).flowLogs().get(0);
    var vpc = ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0);

    List<ResourceSnapshot> snapshots = harness.collect(new VpcCollector(5));

    ResourceSnapshot s = only(snapshots, vpcId);
    SnapshotAssert.envelope(s, "AWS::EC2::VPC", vpcId, REGION,
        "arn:aws:ec2:us-east-1:" + ACCOUNT + ":vpc/" + vpcId, null);
    SnapshotAssert.configuration(s, """
        {"cidrBlock": "10.20.0.0/16", "dhcpOptionsId": "%s", "state": "available", "vpcId": "%s",
         "ownerId": "%s", "instanceTenancy": "default", "ipv6CidrBlockAssociationSet": [],
         "cidrBlockAssociationSet": [{"associationId": "%s", "cidrBlock": "10.20.0.0/16",
                                      "cidrBlockState": {"state": "associated", "statusMessage": null}}],
         "isDefault": false, "tags": []}
        """.formatted(vpc.dhcpOptionsId(), vpcId, ACCOUNT, vpc.cidrBlockAssociationSet().get(0).associationId()));
    SnapshotAssert.supplementary(s, "FlowLogs", """
        [{"CreationTime": "%s", "DeliverLogsStatus": "SUCCESS", "FlowLogId": "%s", "FlowLogStatus": "ACTIVE",
          "ResourceId": "%s", "TrafficType": "REJECT", "LogDestinationType": "s3",
          "LogDestination": "arn:aws:s3:::%s", "LogFormat": "%s", "MaxAggregationInterval": %s, "Tags": []}]
        """.formatted(ApiJson.iso(flowLog.creationTime()), flowLogId, vpcId, bucket,
            flowLog.logFormat().replace("$", "$"), flowLog.maxAggregationInterval()));
    ResourceSnapshot defaultVpc = snapshots.stream()
        .filter(v -> CollectorHarness.json(v.getConfiguration()).get("isDefault").booleanValue())
        .findFirst().orElseThrow();
    SnapshotAssert.supplementary(defaultVpc, "FlowLogs", "[]");
  }

  @Test
  void shouldCollectEverySecurityGroupWithRulesAsAwsConfigRecordsThem() {
    String vpcId = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
    String groupId = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web-tier").description("web tier"))
        .groupId();
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(22).toPort(22)
        .ipRanges(ip -> ip.cidrIp("0.0.0.0/0")).ipv6Ranges(ip -> ip.cidrIpv6("::/0")).build()));
    String defaultGroupId = ec2.describeSecurityGroups(r -> r.filters(
            f -> f.name("vpc-id").values(vpcId), f -> f.name("group-name").values("default")))
        .securityGroups().get(0).groupId();

    List<ResourceSnapshot> snapshots = harness.collect(new SecurityGroupCollector(5));

    ResourceSnapshot web = only(snapshots, groupId);
    SnapshotAssert.envelope(web, "AWS::EC2::SecurityGroup", groupId, REGION,
        "arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/" + groupId, "web-tier");
    assertThat(web.getRelationships()).containsExactly(Relationship.newBuilder()
        .setResourceType("AWS::EC2::VPC").setResourceId(vpcId).setRelationshipName("Is contained in Vpc").build());
    SnapshotAssert.configuration(web, """
        {"description": "web tier", "groupName": "web-tier",
         "ipPermissions": [{"ipProtocol": "tcp", "ipv6Ranges": [{"cidrIpv6": "::/0"}], "prefixListIds": [],
                            "userIdGroupPairs": [], "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}],
                            "ipRanges": ["0.0.0.0/0"], "fromPort": 22, "toPort": 22}],
         "ownerId": "%s", "groupId": "%s",
         "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv6Ranges": [], "prefixListIds": [],
                                  "userIdGroupPairs": [], "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}],
                                  "ipRanges": ["0.0.0.0/0"]}],
         "vpcId": "%s", "tags": []}
        """.formatted(ACCOUNT, groupId, vpcId));
    ResourceSnapshot defaultGroup = only(snapshots, defaultGroupId);
    assertThat(defaultGroup.getResourceName()).isEqualTo("default");
    assertThat(CollectorHarness.json(defaultGroup.getConfiguration()).get("ipPermissionsEgress")).hasSize(1);
  }

  @Test
  void shouldEmitEbsDefaultEncryptionOffForARegionThatNeverTurnedItOn() {
    List<ResourceSnapshot> snapshots = harness.collect(new EbsEncryptionByDefaultCollector(), "ap-northeast-3");

    assertThat(snapshots).hasSize(1);
    ResourceSnapshot s = snapshots.get(0);
    SnapshotAssert.envelope(s, "ComplianceStreams::EC2::EbsEncryptionByDefault", ACCOUNT, "ap-northeast-3",
        null, null);
    // moto answers GetEbsEncryptionByDefault without SseType; GetEbsDefaultKmsKeyId is not asked
    // when the default is off (see Ec2CollectorsWireMockTest for the "on" case).
    SnapshotAssert.configuration(s, "{\"EbsEncryptionByDefault\": false}");
  }

  @Test
  void shouldCollectOwnedSnapshotsWithTheirCreateVolumePermissions() {
    String volumeId = ec2.createVolume(r -> r.availabilityZone(REGION + "a").size(8)).volumeId();
    String publicId = ec2.createSnapshot(r -> r.volumeId(volumeId).description("nightly")
        .tagSpecifications(TagSpecification.builder().resourceType("snapshot")
            .tags(Tag.builder().key("backup-plan").value("nightly").build()).build())).snapshotId();
    String privateId = ec2.createSnapshot(r -> r.volumeId(volumeId).description("manual")).snapshotId();
    ec2.modifySnapshotAttribute(r -> r.snapshotId(publicId).attribute("createVolumePermission")
        .operationType("add").groupNames("all"));
    ec2.modifySnapshotAttribute(r -> r.snapshotId(publicId).attribute("createVolumePermission")
        .operationType("add").userIds("444455556666"));
    Snapshot described = ec2.describeSnapshots(r -> r.snapshotIds(publicId)).snapshots().get(0);

    // moto ignores OwnerIds and lists the snapshots behind its built-in AMIs as the account's own;
    // Ec2CollectorsWireMockTest checks that OwnerIds=self is sent.
    List<ResourceSnapshot> snapshots = harness.collect(new SnapshotCollector(1000)).stream()
        .filter(s -> s.getResourceId().equals(publicId) || s.getResourceId().equals(privateId))
        .toList();

    assertThat(snapshots).extracting(ResourceSnapshot::getResourceId).containsExactlyInAnyOrder(publicId, privateId);
    ResourceSnapshot pub = only(snapshots, publicId);
    SnapshotAssert.envelope(pub, "ComplianceStreams::EC2::Snapshot", publicId, REGION,
        "arn:aws:ec2:us-east-1::snapshot/" + publicId, null);
    SnapshotAssert.tags(pub, Map.of("backup-plan", "nightly"));
    SnapshotAssert.configuration(pub, """
        {"SnapshotId": "%s", "VolumeId": "%s", "State": "completed", "StartTime": "%s",
         "Progress": "100%%", "OwnerId": "%s", "Description": "nightly", "VolumeSize": 8,
         "Encrypted": false, "Tags": [{"Key": "backup-plan", "Value": "nightly"}],
         "CreateVolumePermissions": [{"Group": "all"}, {"UserId": "444455556666"}]}
        """.formatted(publicId, volumeId, ApiJson.iso(described.startTime()), ACCOUNT));
    assertThat(CollectorHarness.json(only(snapshots, privateId).getConfiguration()).get("CreateVolumePermissions"))
        .isEmpty();
  }

  @Test
  void shouldListEc2CollectorsInAStableOrder() {
    assertThat(Ec2Collectors.all()).extracting(c -> c.name()).containsExactly(
        "ec2.volumes", "ec2.vpcs", "ec2.security-groups", "ec2.ebs-encryption-by-default", "ec2.snapshots");
  }

  private static ResourceSnapshot only(List<ResourceSnapshot> snapshots, String id) {
    List<ResourceSnapshot> matching = snapshots.stream().filter(s -> s.getResourceId().equals(id)).toList();
    assertThat(matching).as("snapshots of %s", id).hasSize(1);
    return matching.get(0);
  }
}
