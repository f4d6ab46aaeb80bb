package io.compliancestreams.ingest.collect.services.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.compliancestreams.ingest.collect.services.CollectorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.compliancestreams.ingest.collect.services.CollectorHarness;
import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EC2 collectors against WireMock, for what moto cannot show: moto has no GetEbsDefaultKmsKeyId
 * (HTTP 500), omits SseType, ignores MaxResults/NextToken for DescribeVolumes and ignores
 * OwnerIds for DescribeSnapshots. Responses are EC2 Query-protocol XML shaped as the EC2 API
 * reference documents them ({@code <item>} lists, camelCase element names).
 */
class Ec2CollectorsWireMockTest {

  private static final String REGION = "eu-west-1";
  private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
  private static WireMockServer ec2;
  private static CollectorHarness harness;

  @BeforeAll
  static void start() {
    ec2 = new WireMockServer(options().dynamicPort());
    ec2.start();
    harness = new CollectorHarness(URI.create(ec2.baseUrl()), REGION);
  }

  @AfterAll
  static void stop() {
    harness.close();
    ec2.stop();
  }

  @BeforeEach
  void reset() {
    ec2.resetAll();
  }

  @Test
  void shouldAddTheDefaultKmsKeyWhenEbsEncryptionByDefaultIsOn() {
    answer(containing("Action=GetEbsEncryptionByDefault"), """
        <GetEbsEncryptionByDefaultResponse %s>
          <requestId>5e1c3b3a-1111-4c2d-9d3e-000000000001</requestId>
          <ebsEncryptionByDefault>true</ebsEncryptionByDefault>
          <sseType>sse-ebs</sseType>
        </GetEbsEncryptionByDefaultResponse>""".formatted(NS));
    answer(containing("Action=GetEbsDefaultKmsKeyId"), """
        <GetEbsDefaultKmsKeyIdResponse %s>
          <requestId>5e1c3b3a-1111-4c2d-9d3e-000000000002</requestId>
          <kmsKeyId>alias/aws/ebs</kmsKeyId>
        </GetEbsDefaultKmsKeyIdResponse>""".formatted(NS));

    List<ResourceSnapshot> snapshots = harness.collect(new EbsEncryptionByDefaultCollector());

    assertThat(snapshots).hasSize(1);
    SnapshotAssert.envelope(snapshots.get(0), "ComplianceStreams::EC2::EbsEncryptionByDefault", ACCOUNT, REGION,
        null, null);
    SnapshotAssert.configuration(snapshots.get(0),
        "{\"EbsEncryptionByDefault\": true, \"SseType\": \"sse-ebs\", \"KmsKeyId\": \"alias/aws/ebs\"}");
  }

  @Test
  void shouldFollowDescribeVolumesPagesWithTheConfiguredPageSize() {
    answer(containing("NextToken=page-2"), volumes("vol-0000000000000000b", null));
    answer(containing("Action=DescribeVolumes"), volumes("vol-0000000000000000a", "page-2"));

    List<ResourceSnapshot> snapshots = harness.collect(new VolumeCollector(5));

    assertThat(snapshots).extracting(ResourceSnapshot::getResourceId)
        .containsExactly("vol-0000000000000000a", "vol-0000000000000000b");
    ec2.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("MaxResults=5")));
    SnapshotAssert.configuration(snapshots.get(1), """
        {"attachments": [{"attachTime": "2026-02-11T08:31:02.000Z", "device": "/dev/xvda",
                          "instanceId": "i-0f1e2d3c4b5a69788", "state": "attached",
                          "volumeId": "vol-0000000000000000b", "deleteOnTermination": true,
                          "associatedResource": null, "instanceOwningService": null}],
         "availabilityZone": "eu-west-1a", "createTime": "2026-02-11T08:30:12.511Z", "encrypted": false,
         "kmsKeyId": null, "outpostArn": null, "size": 8, "snapshotId": "snap-0c5e2d7f9a1b3c4d5",
         "state": "in-use", "volumeId": "vol-0000000000000000b", "iops": 3000, "tags": [],
         "volumeType": "gp3", "fastRestored": null, "multiAttachEnabled": false, "throughput": 125,
         "sseType": null}
        """);
  }

  @Test
  void shouldAskOnlyForSnapshotsOwnedByTheAccount() {
    answer(containing("Action=DescribeSnapshots"), """
        <DescribeSnapshotsResponse %s>
          <requestId>5e1c3b3a-1111-4c2d-9d3e-000000000003</requestId>
          <snapshotSet>
            <item>
              <snapshotId>snap-0f3c2b1a9e8d7c6b5</snapshotId>
              <volumeId>vol-0a1b2c3d4e5f60718</volumeId>
              <status>completed</status>
              <startTime>2026-05-30T01:00:14.212Z</startTime>
              <progress>100%%</progress>
              <ownerId>%s</ownerId>
              <description>nightly backup of vol-0a1b2c3d4e5f60718</description>
              <volumeSize>8</volumeSize>
              <encrypted>false</encrypted>
              <storageTier>standard</storageTier>
              <tagSet><item><key>backup-plan</key><value>nightly</value></item></tagSet>
            </item>
          </snapshotSet>
        </DescribeSnapshotsResponse>""".formatted(NS, ACCOUNT));
    answer(containing("Action=DescribeSnapshotAttribute"), """
        <DescribeSnapshotAttributeResponse %s>
          <requestId>5e1c3b3a-1111-4c2d-9d3e-000000000004</requestId>
          <snapshotId>snap-0f3c2b1a9e8d7c6b5</snapshotId>
          <createVolumePermission>
            <item><group>all</group></item>
            <item><userId>444455556666</userId></item>
          </createVolumePermission>
        </DescribeSnapshotAttributeResponse>""".formatted(NS));

    List<ResourceSnapshot> snapshots = harness.collect(new SnapshotCollector(5));

    ec2.verify(postRequestedFor(urlEqualTo("/"))
        .withRequestBody(containing("Action=DescribeSnapshots"))
        .withRequestBody(containing("Owner.1=self")));
    assertThat(snapshots).hasSize(1);
    SnapshotAssert.envelope(snapshots.get(0), "ComplianceStreams::EC2::Snapshot", "snap-0f3c2b1a9e8d7c6b5", REGION,
        "arn:aws:ec2:eu-west-1::snapshot/snap-0f3c2b1a9e8d7c6b5", null);
    SnapshotAssert.configuration(snapshots.get(0), """
        {"Description": "nightly backup of vol-0a1b2c3d4e5f60718", "Encrypted": false, "OwnerId": "%s",
         "Progress": "100%%", "SnapshotId": "snap-0f3c2b1a9e8d7c6b5", "StartTime": "2026-05-30T01:00:14.212Z",
         "State": "completed", "VolumeId": "vol-0a1b2c3d4e5f60718", "VolumeSize": 8, "StorageTier": "standard",
         "Tags": [{"Key": "backup-plan", "Value": "nightly"}],
         "CreateVolumePermissions": [{"Group": "all"}, {"UserId": "444455556666"}]}
        """.formatted(ACCOUNT));
  }

  private static String volumes(String volumeId, String nextToken) {
    return """
        <DescribeVolumesResponse %s>
          <requestId>5e1c3b3a-1111-4c2d-9d3e-000000000005</requestId>
          <volumeSet>
            <item>
              <volumeId>%s</volumeId>
              <size>8</size>
              <snapshotId>snap-0c5e2d7f9a1b3c4d5</snapshotId>
              <availabilityZone>eu-west-1a</availabilityZone>
              <status>in-use</status>
              <createTime>2026-02-11T08:30:12.511Z</createTime>
              <attachmentSet>
                <item>
                  <volumeId>%s</volumeId>
                  <instanceId>i-0f1e2d3c4b5a69788</instanceId>
                  <device>/dev/xvda</device>
                  <status>attached</status>
                  <attachTime>2026-02-11T08:31:02.000Z</attachTime>
                  <deleteOnTermination>true</deleteOnTermination>
                </item>
              </attachmentSet>
              <volumeType>gp3</volumeType>
              <iops>3000</iops>
              <encrypted>false</encrypted>
              <multiAttachEnabled>false</multiAttachEnabled>
              <throughput>125</throughput>
            </item>
          </volumeSet>
          %s
        </DescribeVolumesResponse>""".formatted(NS, volumeId, volumeId,
        nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>");
  }

  private static void answer(StringValuePattern body, String xml) {
    // The more specific stub (e.g. the second page) is registered first and wins by priority.
    int priority = ec2.getStubMappings().size() + 1;
    ec2.stubFor(post(urlEqualTo("/")).atPriority(priority).withRequestBody(body)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(xml)));
  }
}
