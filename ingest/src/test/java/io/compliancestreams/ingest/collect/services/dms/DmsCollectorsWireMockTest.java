package io.compliancestreams.ingest.collect.services.dms;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.ingest.collect.services.WireMockTestBase;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DMS collector against WireMock: moto 5.2's DMS answers timestamps the SDK cannot parse
 * ("Input timestamp string must be no longer than 20 characters") and does not paginate.
 * Responses are DescribeReplicationInstances as the DMS API reference shows it (JSON 1.1,
 * X-Amz-Target AmazonDMSv20160101.DescribeReplicationInstances, epoch-second timestamps).
 */
class DmsCollectorsWireMockTest extends WireMockTestBase {

  private static final String TARGET = "AmazonDMSv20160101.DescribeReplicationInstances";
  private static final String ARN = "arn:aws:dms:eu-west-1:111122223333:rep:Q3RJ5FTPOZ7KNWLSYAHVEXU2MA";
  private static final String PRIVATE_ARN = "arn:aws:dms:eu-west-1:111122223333:rep:ZX7MLK2DQE4JNVB3HTSYWAPR5C";

  @Test
  void shouldCollectEveryPageKeyedByArnInAwsConfigShape() {
    answerJson(TARGET, matchingJsonPath("$.Marker", equalTo("page-2")), """
        {"ReplicationInstances": [{"ReplicationInstanceIdentifier": "orders-cdc",
          "ReplicationInstanceClass": "dms.t3.small", "ReplicationInstanceStatus": "available",
          "AllocatedStorage": 20, "InstanceCreateTime": 1739262612.511, "VpcSecurityGroups": [],
          "MultiAZ": false, "EngineVersion": "3.5.3", "AutoMinorVersionUpgrade": true,
          "ReplicationInstanceArn": "%s", "ReplicationInstancePublicIpAddresses": [],
          "ReplicationInstancePrivateIpAddresses": ["10.20.3.42"], "PubliclyAccessible": false}]}
        """.formatted(PRIVATE_ARN));
    answerJson(TARGET, containing("MaxRecords"), """
        {"Marker": "page-2",
         "ReplicationInstances": [{"ReplicationInstanceIdentifier": "legacy-crm-migration",
          "ReplicationInstanceClass": "dms.t3.medium", "ReplicationInstanceStatus": "available",
          "AllocatedStorage": 50, "InstanceCreateTime": 1739262612.511,
          "VpcSecurityGroups": [{"VpcSecurityGroupId": "sg-07a8b9c0d1e2f3a4b", "Status": "active"}],
          "AvailabilityZone": "eu-west-1b",
          "ReplicationSubnetGroup": {"ReplicationSubnetGroupIdentifier": "dms-private-subnets",
            "ReplicationSubnetGroupDescription": "private subnets", "VpcId": "vpc-0a12b34c56d78e90f",
            "SubnetGroupStatus": "Complete", "Subnets": []},
          "PreferredMaintenanceWindow": "sun:03:15-sun:03:45", "PendingModifiedValues": {},
          "MultiAZ": false, "EngineVersion": "3.5.3", "AutoMinorVersionUpgrade": true,
          "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/5c1f0a2e-7b3d-4e8f-9a6b-0d2c4e6f8a1b",
          "ReplicationInstanceArn": "%s",
          "ReplicationInstancePublicIpAddress": "203.0.113.47",
          "ReplicationInstancePrivateIpAddress": "10.20.3.41",
          "ReplicationInstancePublicIpAddresses": ["203.0.113.47"],
          "ReplicationInstancePrivateIpAddresses": ["10.20.3.41"],
          "PubliclyAccessible": true, "NetworkType": "IPV4"}]}
        """.formatted(ARN));

    List<ResourceSnapshot> snapshots = harness.collect(new ReplicationInstanceCollector(20));

    server.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.MaxRecords", equalTo("20"))));
    assertThat(snapshots).extracting(ResourceSnapshot::getResourceId).containsExactly(ARN, PRIVATE_ARN);
    ResourceSnapshot s = snapshots.get(0);
    SnapshotAssert.envelope(s, "AWS::DMS::ReplicationInstance", ARN, REGION, ARN, "legacy-crm-migration");
    SnapshotAssert.configuration(s, """
        {"ReplicationInstanceIdentifier": "legacy-crm-migration", "ReplicationInstanceClass": "dms.t3.medium",
         "AllocatedStorage": 50, "EngineVersion": "3.5.3", "MultiAZ": false, "AutoMinorVersionUpgrade": true,
         "AvailabilityZone": "eu-west-1b", "PreferredMaintenanceWindow": "sun:03:15-sun:03:45",
         "ReplicationSubnetGroupIdentifier": "dms-private-subnets",
         "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/5c1f0a2e-7b3d-4e8f-9a6b-0d2c4e6f8a1b",
         "PubliclyAccessible": true, "NetworkType": "IPV4",
         "ReplicationInstancePublicIpAddresses": ["203.0.113.47"],
         "ReplicationInstancePrivateIpAddresses": ["10.20.3.41"],
         "VpcSecurityGroupIds": ["sg-07a8b9c0d1e2f3a4b"], "Id": "%s"}
        """.formatted(ARN));
    SnapshotAssert.configuration(snapshots.get(1), """
        {"ReplicationInstanceIdentifier": "orders-cdc", "ReplicationInstanceClass": "dms.t3.small",
         "AllocatedStorage": 20, "EngineVersion": "3.5.3", "MultiAZ": false, "AutoMinorVersionUpgrade": true,
         "PubliclyAccessible": false, "ReplicationInstancePublicIpAddresses": [],
         "ReplicationInstancePrivateIpAddresses": ["10.20.3.42"], "VpcSecurityGroupIds": [], "Id": "%s"}
        """.formatted(PRIVATE_ARN));
  }

  @Test
  void shouldListDmsCollectors() {
    assertThat(DmsCollectors.all()).extracting(c -> c.name()).containsExactly("dms.replication-instances");
  }
}
