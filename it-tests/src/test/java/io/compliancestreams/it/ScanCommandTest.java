package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.app.Main;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.topology.ComplianceStreamsApp;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** {@code scan} against the moto AWS emulator, printed and published end to end. */
class ScanCommandTest {

  private static AwsEmulator aws;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALLER = "123456789012";
  /** The role Organizations (and moto) creates in the accounts it creates. */
  private static final String MEMBER_ROLE = "OrganizationAccountAccessRole";

  @BeforeAll
  static void startEmulator() {
    aws = AwsEmulator.start();
    // The SDK's default credential chain reads these, as it would AWS_ACCESS_KEY_ID etc.
    System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_ACCESS_KEY);
    System.setProperty("aws.region", AwsEmulator.REGION);
    var credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY));
    try (S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(credentials).build();
        KmsClient kms = KmsClient.builder().endpointOverride(aws.endpoint())
            .region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
      s3.createBucket(b -> b.bucket("scan-open-bucket"));
      String keyId = kms.createKey(k -> k.description("scan test")).keyMetadata().keyId();
      kms.scheduleKeyDeletion(k -> k.keyId(keyId).pendingWindowInDays(7));
    }
  }

  @AfterAll
  static void stopEmulator() {
    aws.close();
  }

  private static String run(int expectedExit, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.commandLine().execute(args)).isEqualTo(expectedExit);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldScanTheEmulatedAccountAndPrintFindingsAsJsonLines() throws Exception {
    String out = run(1, "scan", "--regions", "us-east-1", "-o", "json", "--fail-on", "FAIL",
        "--set", "aws.endpoint.url=" + aws.endpoint());
    List<JsonNode> findings = new ArrayList<>();
    for (String line : out.split("\n")) {
      findings.add(jsonLine(line));
    }
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.get("control").asText()).isEqualTo("S3.8");
      assertThat(f.get("resourceId").asText()).isEqualTo("scan-open-bucket");
      assertThat(f.get("status").asText()).isEqualTo("FAIL");
      assertThat(f.get("accountId").asText()).isEqualTo("123456789012");
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.get("control").asText()).isEqualTo("KMS.3");
      assertThat(f.get("status").asText()).isEqualTo("FAIL");
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.get("control").asText()).isEqualTo("GuardDuty.1");
      assertThat(f.get("region").asText()).isEqualTo("us-east-1");
      assertThat(f.get("status").asText()).isEqualTo("FAIL");
    });
    assertThat(findings).extracting(f -> f.get("practice").asInt()).contains(4, 7, 9, 12, 15, 19);
  }

  @Test
  void shouldScanEveryActiveAccountOfTheOrganizationThroughTheNamedRole() throws Exception {
    String prod;
    String dev;
    try (OrganizationsClient organizations = OrganizationsClient.builder().endpointOverride(aws.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(callerCredentials()).build()) {
      organizations.createOrganization(o -> o.featureSet(OrganizationFeatureSet.ALL));
      prod = organizations.createAccount(a -> a.accountName("prod").email("prod@example.com"))
          .createAccountStatus().accountId();
      dev = organizations.createAccount(a -> a.accountName("dev").email("dev@example.com"))
          .createAccountStatus().accountId();
    }
    // A bucket in prod, created with prod's own credentials: only a scan of prod can see it.
    try (S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(memberCredentials(prod)).build()) {
      s3.createBucket(b -> b.bucket("member-open-bucket"));
    }

    String out = run(1, "scan", "--regions", "us-east-1", "-o", "json", "--fail-on", "FAIL",
        "--set", "aws.endpoint.url=" + aws.endpoint(),
        "--set", "ingest.organization.role.name=" + MEMBER_ROLE);

    List<JsonNode> findings = new ArrayList<>();
    for (String line : out.split("\n")) {
      findings.add(jsonLine(line));
    }
    Set<String> accounts = findings.stream().map(f -> f.get("accountId").asText()).collect(Collectors.toSet());
    assertThat(accounts).containsExactlyInAnyOrder(CALLER, prod, dev);
    for (String account : List.of(CALLER, prod, dev)) {
      assertThat(findings).as("GuardDuty.1 of " + account).anySatisfy(f -> {
        assertThat(f.get("control").asText()).isEqualTo("GuardDuty.1");
        assertThat(f.get("accountId").asText()).isEqualTo(account);
        assertThat(f.get("region").asText()).isEqualTo("us-east-1");
        assertThat(f.get("status").asText()).isEqualTo("FAIL");
      });
    }
    assertThat(findings).filteredOn(f -> f.get("resourceId").asText().equals("member-open-bucket"))
        .isNotEmpty().allSatisfy(f -> assertThat(f.get("accountId").asText()).isEqualTo(prod));
  }

  private static StaticCredentialsProvider callerCredentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY));
  }

  private static StaticCredentialsProvider memberCredentials(String account) {
    try (StsClient sts = StsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(callerCredentials()).build()) {
      Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + MEMBER_ROLE)
          .roleSessionName("it-setup")).credentials();
      return StaticCredentialsProvider.create(
          AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
  }

  @Test
  void shouldPublishTheScanSoTheTopologyEmitsTheExpectedDeltas() throws Exception {
    Topics topics = new Topics("scan.");
    try (KafkaBroker broker = KafkaBroker.start();
        ComplianceStreamsApp app = new ComplianceStreamsApp(
            new StreamsSettings("scan-it-" + UUID.randomUUID(), broker.bootstrapServers(), topics, 2, (short) 1,
                "exactly_once_v2", Files.createTempDirectory("scan-it").toString(), Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofMillis(300), Duration.ofHours(24),
                io.compliancestreams.schemas.SerdeConfig.singleObject(), true, null, null),
            PracticeCatalogue.all()).start();
        PipelineKafka kafka = new PipelineKafka(broker, topics.deltas())) {
      assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
      String out = run(0, "scan", "--regions", "us-east-1", "--publish",
          "--set", "aws.endpoint.url=" + aws.endpoint(),
          "--set", "kafka.bootstrap.servers=" + broker.bootstrapServers(),
          "--set", "topic.prefix=scan.");
      assertThat(out).contains("published");
      List<FindingDelta> deltas = new ArrayList<>();
      await("the bucket's and the account's deltas").atMost(Duration.ofSeconds(60)).until(() -> {
        deltas.addAll(kafka.poll());
        return deltas.stream().anyMatch(d -> d.getPractice() == 11)
            && deltas.stream().anyMatch(d -> d.getPractice() == 26);
      });
      assertThat(deltas).filteredOn(d -> d.getPractice() == 11).singleElement().satisfies(d -> {
        assertThat(d.getResourceId()).isEqualTo("scan-open-bucket");
        assertThat(d.getNewStatus()).isEqualTo(FindingStatus.FAIL);
      });
      assertThat(deltas).filteredOn(d -> d.getPractice() == 26).singleElement().satisfies(d -> {
        assertThat(d.getResourceType()).isEqualTo("AWS::::Account");
        assertThat(d.getRegion()).isEqualTo("us-east-1");
        assertThat(d.getNewStatus()).isEqualTo(FindingStatus.FAIL);
      });
    }
  }

  /** One line of -o json output; a line that is not JSON fails naming it. */
  private static JsonNode jsonLine(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not a JSON line on stdout: " + line, e);
    }
  }
}
