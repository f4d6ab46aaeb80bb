package io.compliancestreams.ingest.collect.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.compliancestreams.ingest.testing.TestAws.ACCOUNT;
import static io.compliancestreams.ingest.testing.TestAws.collect;
import static io.compliancestreams.ingest.testing.TestAws.configuration;
import static io.compliancestreams.ingest.testing.TestAws.supplementary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.testing.TestAws;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The S3 collectors against moto; ListBuckets pagination through WireMock (moto ignores it). */
class S3CollectorsTest {

  private static AwsEmulator emulator;
  private static AwsClients clients;

  @BeforeAll
  static void start() {
    emulator = AwsEmulator.start();
    clients = TestAws.clients(emulator.endpoint());
  }

  @AfterAll
  static void stop() {
    clients.close();
    emulator.close();
  }

  @BeforeEach
  void createBuckets() {
    emulator.reset();
    S3Client s3 = clients.s3();
    s3.createBucket(r -> r.bucket("logs-us"));
    s3.createBucket(r -> r.bucket("data-eu").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
    s3.putBucketEncryption(r -> r.bucket("data-eu").serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("alias/data"))
        .bucketKeyEnabled(true))));
    s3.putPublicAccessBlock(r -> r.bucket("data-eu").publicAccessBlockConfiguration(p -> p
        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
  }

  @Test
  void shouldSnapshotEachBucketInItsOwnRegionWithEncryptionAndPublicAccessBlock() {
    List<ResourceSnapshot> buckets = collect(new BucketCollector(null), clients);

    assertThat(buckets).extracting(ResourceSnapshot::getResourceId).containsExactlyInAnyOrder("logs-us", "data-eu");
    ResourceSnapshot eu = byId(buckets, "data-eu");
    assertThat(eu.getResourceType()).isEqualTo("AWS::S3::Bucket");
    assertThat(eu.getAwsRegion()).isEqualTo("eu-west-1");
    assertThat(eu.getAccountId()).isEqualTo(ACCOUNT);
    assertThat(eu.getArn()).isEqualTo("arn:aws:s3:::data-eu");
    assertThat(eu.getResourceName()).isEqualTo("data-eu");
    assertThat(configuration(eu).get("name").asText()).isEqualTo("data-eu");
    assertThat(configuration(eu).get("creationDate").isTextual()).isTrue();
    assertThat(configuration(eu).has("owner")).isTrue();
    JsonNode rule = supplementary(eu, "ServerSideEncryptionConfiguration").get("rules").get(0);
    assertThat(rule.at("/applyServerSideEncryptionByDefault/sseAlgorithm").asText()).isEqualTo("aws:kms");
    assertThat(rule.at("/applyServerSideEncryptionByDefault/kmsMasterKeyID").asText()).isEqualTo("alias/data");
    assertThat(rule.get("bucketKeyEnabled").asBoolean()).isTrue();
    assertThat(supplementary(eu, "PublicAccessBlockConfiguration").toString()).isEqualTo(
        "{\"blockPublicAcls\":true,\"ignorePublicAcls\":true,\"blockPublicPolicy\":true,\"restrictPublicBuckets\":true}");

    ResourceSnapshot us = byId(buckets, "logs-us");
    assertThat(us.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(supplementary(us, "ServerSideEncryptionConfiguration").toString()).isEqualTo("{\"rules\":[]}");
    assertThat(us.getSupplementaryConfiguration()).doesNotContainKey("PublicAccessBlockConfiguration");
  }

  @Test
  void shouldReportAnUnsetAccountPublicAccessBlockAsAnEmptyConfigurationThenTheFlags() {
    ResourceSnapshot unset = only(collect(S3Collectors.accountPublicAccessBlock(), clients));
    assertThat(unset.getResourceType()).isEqualTo("AWS::S3::AccountPublicAccessBlock");
    assertThat(unset.getResourceId()).isEqualTo(ACCOUNT);
    assertThat(unset.getAwsRegion()).isEqualTo("global");
    assertThat(unset.getConfiguration()).isEqualTo("{}");

    clients.s3Control().putPublicAccessBlock(r -> r.accountId(ACCOUNT).publicAccessBlockConfiguration(p -> p
        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(true)));

    ResourceSnapshot set = only(collect(S3Collectors.accountPublicAccessBlock(), clients));
    assertThat(set.getConfiguration()).isEqualTo(
        "{\"blockPublicAcls\":true,\"ignorePublicAcls\":true,\"blockPublicPolicy\":false,\"restrictPublicBuckets\":true}");
  }

  /**
   * moto returns at most MaxBuckets buckets but no ContinuationToken, so WireMock answers the two
   * ListBuckets pages (shaped as the S3 API reference shows ListAllMyBucketsResult, one bucket with
   * BucketRegion and two without) and passes every other call through to moto.
   */
  @Test
  void shouldFollowListBucketsContinuationTokens() {
    clients.s3().createBucket(r -> r.bucket("third-us"));
    WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wireMock.start();
    try (AwsClients viaWireMock = TestAws.clients(URI.create(wireMock.baseUrl()))) {
      wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(emulator.endpoint().toString())));
      wireMock.stubFor(get(urlPathEqualTo("/")).atPriority(1)
          .withQueryParam("max-buckets", equalTo("2")).withQueryParam("continuation-token", absent())
          .willReturn(listBuckets("""
              <Bucket><CreationDate>2024-03-11T09:21:40.000Z</CreationDate><Name>logs-us</Name></Bucket>
              <Bucket><CreationDate>2024-03-11T09:21:40.000Z</CreationDate><Name>data-eu</Name><BucketRegion>eu-west-1</BucketRegion></Bucket>""",
              "<ContinuationToken>page-2</ContinuationToken>")));
      wireMock.stubFor(get(urlPathEqualTo("/")).atPriority(1)
          .withQueryParam("max-buckets", equalTo("2")).withQueryParam("continuation-token", equalTo("page-2"))
          .willReturn(listBuckets(
              "<Bucket><CreationDate>2024-03-11T09:21:40.000Z</CreationDate><Name>third-us</Name></Bucket>", "")));

      List<ResourceSnapshot> buckets = collect(new BucketCollector(2), viaWireMock);

      assertThat(buckets).extracting(s -> s.getResourceId() + "@" + s.getAwsRegion())
          .containsExactly("logs-us@us-east-1", "data-eu@eu-west-1", "third-us@us-east-1");
      wireMock.verify(2, getRequestedFor(urlPathEqualTo("/")).withQueryParam("max-buckets", equalTo("2")));
      assertThat(viaWireMock.calls().byOperation()).containsEntry("S3:ListBuckets", 2L)
          .containsEntry("S3:GetBucketLocation", 2L);
    } finally {
      wireMock.stop();
    }
  }

  @Test
  void shouldReadLegacyLocationConstraints() {
    assertThat(BucketRegions.fromLocationConstraint(null)).isEqualTo("us-east-1");
    assertThat(BucketRegions.fromLocationConstraint("")).isEqualTo("us-east-1");
    assertThat(BucketRegions.fromLocationConstraint("EU")).isEqualTo("eu-west-1");
    assertThat(BucketRegions.fromLocationConstraint("ap-south-1")).isEqualTo("ap-south-1");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder listBuckets(
      String buckets, String continuation) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody("""
        <?xml version="1.0" encoding="UTF-8"?>
        <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Owner><DisplayName>owner</DisplayName><ID>8f6e2b1c4d5a79e0c3b2a1f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4</ID></Owner>
          <Buckets>%s</Buckets>
          %s
        </ListAllMyBucketsResult>""".formatted(buckets, continuation));
  }

  private static ResourceSnapshot byId(List<ResourceSnapshot> snapshots, String id) {
    return snapshots.stream().filter(s -> id.equals(s.getResourceId())).findFirst()
        .orElseThrow(() -> new AssertionError("no snapshot " + id));
  }

  private static ResourceSnapshot only(List<ResourceSnapshot> snapshots) {
    assertThat(snapshots).hasSize(1);
    return snapshots.get(0);
  }
}
