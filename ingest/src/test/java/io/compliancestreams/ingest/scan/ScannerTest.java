package io.compliancestreams.ingest.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.compliancestreams.ingest.testing.TestAws.ACCOUNT;
import static io.compliancestreams.ingest.testing.TestAws.CLOCK;
import static io.compliancestreams.ingest.testing.TestAws.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.Collector.Coverage;
import io.compliancestreams.ingest.collect.cloudtrail.CloudTrailCollectors;
import io.compliancestreams.ingest.collect.config.ConfigCollectors;
import io.compliancestreams.ingest.collect.iam.IamCollectors;
import io.compliancestreams.ingest.collect.s3.S3Collectors;
import io.compliancestreams.ingest.collect.services.ServiceCollectors;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.ingest.testing.MotoBehindWireMock;
import io.compliancestreams.ingest.testing.TestAws;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scanner against moto, with WireMock in front of it where a test needs AWS to answer what moto
 * cannot be made to (AccessDenied, Throttling, opt-in regions): WireMock passes every other
 * request through to moto.
 */
class ScannerTest {

  private static final String IAM_SIGNED = "/iam/aws4_request";
  private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

  private static MotoBehindWireMock aws;
  private static AwsEmulator emulator;
  private static WireMockServer wireMock;
  private static AwsClients moto;

  private final List<ResourceSnapshot> emitted = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() {
    aws = MotoBehindWireMock.start();
    emulator = aws.emulator();
    wireMock = aws.wireMock();
    moto = aws.moto();
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @BeforeEach
  void reset() {
    aws.reset();
  }

  @Test
  void shouldRunGlobalCollectorsOncePerAccountAndRegionalOnesInEveryRegion() {
    moto.iam().createUser(r -> r.userName("alice"));
    RecordingProgress progress = new RecordingProgress();

    ScanResult result = scanner(everyCollector(), REGIONS).scan(direct(), emitted::add, progress);

    assertThat(result.failures()).isEmpty();
    assertThat(result.accounts()).containsExactly(ACCOUNT);
    assertThat(result.scopesSucceeded()).isEqualTo(8 + 3 * 2);
    assertThat(result.snapshotsByType())
        .containsEntry("ComplianceStreams::IAM::AccountSummary", 1L)
        .containsEntry("ComplianceStreams::IAM::PasswordPolicy", 1L)
        .containsEntry("AWS::S3::AccountPublicAccessBlock", 1L)
        .containsEntry("AWS::IAM::User", 1L)
        .containsEntry("ComplianceStreams::CloudTrail::Trails", 2L)
        .containsEntry("ComplianceStreams::Config::RecorderStatus", 2L);
    assertThat(result.deletionsByType()).isEmpty();
    assertThat(result.callsByService()).containsKeys("Iam", "Sts", "CloudTrail", "Config", "S3Control");
    assertThat(emitted).allSatisfy(s -> assertThat(s.getScanId()).isEqualTo(result.scanId()));
    assertThat(emitted).filteredOn(s -> s.getResourceType().equals("ComplianceStreams::Config::RecorderStatus"))
        .extracting(ResourceSnapshot::getAwsRegion).containsExactlyInAnyOrderElementsOf(REGIONS);
    assertThat(progress.planned).containsExactly(14);
    assertThat(progress.started).hasSize(14);
    assertThat(progress.finished).hasSize(14).allMatch(f -> f.endsWith("SUCCEEDED"));
  }

  @Test
  void shouldEmitResourceDeletedForWhatASucceededScopeNoLongerSees() {
    moto.iam().createUser(r -> r.userName("alice"));
    String bobId = moto.iam().createUser(r -> r.userName("bob")).user().userId();
    Scanner scanner = scanner(IamCollectors.all(2), REGIONS);
    scanner.scan(direct(), s -> {}, ScanProgress.NONE);
    moto.iam().deleteUser(r -> r.userName("bob"));

    ScanResult second = scanner.scan(direct(), emitted::add, ScanProgress.NONE);

    List<ResourceSnapshot> deleted = deletions();
    assertThat(deleted).extracting(SnapshotBuilder::keyOf).containsExactlyInAnyOrder(
        ACCOUNT + "/global/AWS::IAM::User/" + bobId,
        ACCOUNT + "/global/ComplianceStreams::IAM::UserCredentials/" + bobId);
    assertThat(deleted).allSatisfy(s -> {
      assertThat(s.getResourceName()).isEqualTo("bob");
      assertThat(s.getArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/bob");
      assertThat(s.getCaptureTime()).isEqualTo(TestAws.NOW);
    });
    assertThat(second.deletionsByType()).containsEntry("AWS::IAM::User", 1L)
        .containsEntry("ComplianceStreams::IAM::UserCredentials", 1L);

    emitted.clear();
    ScanResult third = scanner.scan(direct(), emitted::add, ScanProgress.NONE);
    assertThat(deletions()).isEmpty();
    assertThat(third.deletionsByType()).isEmpty();
  }

  @Test
  void shouldMarkDeniedScopesFailedAndGoOnWithoutDerivingDeletions() {
    moto.iam().createUser(r -> r.userName("alice"));
    String bobId = moto.iam().createUser(r -> r.userName("bob")).user().userId();
    Scanner scanner = scanner(everyCollector(), REGIONS);
    scanner.scan(direct(), s -> {}, ScanProgress.NONE);
    moto.iam().deleteUser(r -> r.userName("bob"));
    // IAM's documented error shape for a caller without the permission.
    wireMock.stubFor(post("/").atPriority(1).withHeader("Authorization", containing(IAM_SIGNED))
        .willReturn(iamError(403, "AccessDenied",
            "User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: iam:List* on resource: *")));
    RecordingProgress progress = new RecordingProgress();

    ScanResult result = scanner.scan(viaWireMock(), emitted::add, progress);

    assertThat(result.failures()).hasSize(6).allSatisfy(f -> {
      assertThat(f.scope().accountId()).isEqualTo(ACCOUNT);
      assertThat(f.scope().region()).isEqualTo("global");
      assertThat(f.scope().collector()).startsWith("iam.");
      assertThat(f.errorCode()).isEqualTo("AccessDenied");
      assertThat(f.denied()).isTrue();
      assertThat(f.reason()).startsWith("AccessDenied: ").contains(" in us-east-1: User: ", "Service: Iam");
    });
    assertThat(result.failures()).extracting(ScopeFailure::reason)
        .anySatisfy(r -> assertThat(r).contains("GetAccountAuthorizationDetails in us-east-1"))
        .anySatisfy(r -> assertThat(r).contains("GetAccountSummary in us-east-1"));
    assertThat(result.scopesSucceeded()).isEqualTo(2 + 3 * 2);
    assertThat(emitted).noneMatch(s -> s.getResourceType().contains("IAM"));
    assertThat(deletions()).isEmpty();
    assertThat(scanner.inventory().keys(new Scope(ACCOUNT, "global", "iam.users")))
        .contains(ACCOUNT + "/global/AWS::IAM::User/" + bobId);
    assertThat(progress.finished).filteredOn(f -> f.endsWith("FAILED")).hasSize(6);
    assertThat(result.snapshotsByType()).containsEntry("ComplianceStreams::Config::RecorderStatus", 2L);
  }

  @Test
  void shouldRetryThrottledCallsAndCountThemAsOneCall() {
    String throttled = "throttled";
    wireMock.stubFor(post("/").atPriority(1).inScenario(throttled).whenScenarioStateIs(STARTED)
        .withRequestBody(containing("Action=GetAccountSummary"))
        .willReturn(iamError(400, "Throttling", "Rate exceeded")).willSetStateTo("once"));
    wireMock.stubFor(post("/").atPriority(1).inScenario(throttled).whenScenarioStateIs("once")
        .withRequestBody(containing("Action=GetAccountSummary"))
        .willReturn(iamError(400, "Throttling", "Rate exceeded")).willSetStateTo("twice"));
    Collector summary = named(IamCollectors.all(), "iam.account-summary");

    ScanResult result = scanner(List.of(summary), REGIONS).scan(viaWireMock(), emitted::add, ScanProgress.NONE);

    assertThat(result.failures()).isEmpty();
    assertThat(emitted).singleElement().satisfies(s ->
        assertThat(TestAws.configuration(s).at("/SummaryMap/Users").isInt()).isTrue());
    wireMock.verify(3, postRequestedFor(anyUrl()).withRequestBody(containing("Action=GetAccountSummary")));
    assertThat(result.callsByService()).containsEntry("Iam", 1L);
  }

  @Test
  void shouldScanEveryRegionTheAccountHasEnabledWhenNoneAreConfigured() {
    // EC2's DescribeRegions response as the API reference shows it, with an opt-in region not enabled.
    wireMock.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeRegions"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
            <DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
              <regionInfo>
                <item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
                <item><regionName>eu-south-1</regionName><regionEndpoint>ec2.eu-south-1.amazonaws.com</regionEndpoint><optInStatus>opted-in</optInStatus></item>
                <item><regionName>me-central-1</regionName><regionEndpoint>ec2.me-central-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus></item>
              </regionInfo>
            </DescribeRegionsResponse>""")));

    ScanResult result = scanner(List.of(regionMarker()), List.of()).scan(viaWireMock(), emitted::add,
        ScanProgress.NONE);

    assertThat(result.failures()).isEmpty();
    assertThat(emitted).extracting(ResourceSnapshot::getAwsRegion).containsExactlyInAnyOrder("eu-south-1", "us-east-1");
  }

  @Test
  void shouldRecordAnUnexpectedErrorAsAFailedScopeAndFinishTheOthers() {
    Collector broken = new AccountFact("test.broken", "Test::Broken", Coverage.REGIONAL, ctx -> {
      throw new IllegalStateException("cannot map " + ctx.region());
    });

    ScanResult result = scanner(List.of(broken, regionMarker()), REGIONS).scan(direct(), emitted::add,
        ScanProgress.NONE);

    assertThat(result.failures()).hasSize(2).allSatisfy(f -> {
      assertThat(f.errorCode()).isEqualTo("IllegalStateException");
      assertThat(f.denied()).isFalse();
      assertThat(f.reason()).startsWith("IllegalStateException: cannot map ");
    });
    assertThat(emitted).hasSize(2);
  }

  @Test
  void shouldScanTheAccountOfAnAssumedRole() {
    Collector account = new AccountFact("test.account", "Test::Account", Coverage.GLOBAL,
        ctx -> JsonNodeFactory.instance.objectNode());
    AwsSettings base = TestAws.settings(emulator.endpoint());
    try (AssumedRoles roles = AssumedRoles.of(base, AwsEmulator.REGION,
        List.of(new AssumedRoles.Role("arn:aws:iam::222233334444:role/compliance-scanner", "ext-42")))) {

      ScanResult result = scanner(List.of(account), REGIONS).scan(roles.targets(), emitted::add, ScanProgress.NONE);

      assertThat(roles.targets()).extracting(AccountTarget::label)
          .containsExactly("arn:aws:iam::222233334444:role/compliance-scanner");
      assertThat(result.accounts()).containsExactly("222233334444");
      assertThat(emitted).extracting(SnapshotBuilder::keyOf)
          .containsExactly("222233334444/global/Test::Account/222233334444");
    }
  }

  @Test
  void shouldFailOnlyTheRegionThatIsDeniedAndDeriveNoDeletionsThere() {
    // A volume in each region, scanned once while everything works.
    String westVolume = createVolume("eu-west-1");
    String eastVolume = createVolume("us-east-1");
    List<Collector> volumes = List.of(named(ServiceCollectors.all(), "ec2.volumes"));
    Scanner scanner = scanner(volumes, REGIONS);
    scanner.scan(viaWireMock(), s -> {}, ScanProgress.NONE);
    // Both volumes disappear, then EC2 denies every call signed for eu-west-1 (an SCP, a missing
    // permission): EC2's documented error shape.
    moto.inRegion("eu-west-1").ec2().deleteVolume(r -> r.volumeId(westVolume));
    moto.inRegion("us-east-1").ec2().deleteVolume(r -> r.volumeId(eastVolume));
    wireMock.stubFor(post("/").atPriority(1).withHeader("Authorization", containing("/eu-west-1/ec2/aws4_request"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody("""
            <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>5d0e9c3a-1b2f-4a33-8c44-aa55bb66cc77</RequestID></Response>""")));

    ScanResult result = scanner.scan(viaWireMock(), emitted::add, ScanProgress.NONE);

    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.scope().region()).isEqualTo("eu-west-1");
      assertThat(f.errorCode()).isEqualTo("UnauthorizedOperation");
      assertThat(f.denied()).isTrue();
    });
    // The working region reports its deletion; the denied one must not.
    assertThat(deletions()).extracting(ResourceSnapshot::getResourceId).containsExactly(eastVolume);
    assertThat(deletions()).noneMatch(d -> d.getAwsRegion().equals("eu-west-1"));
  }

  @Test
  void shouldCompleteAScanThroughAThrottlingStorm() {
    // Every IAM call is throttled for its first 6 attempts overall, then answered: the adaptive
    // retry mode slows down and the scan completes with nothing failed.
    String storm = "storm";
    String state = STARTED;
    for (int i = 1; i <= 6; i++) {
      String next = "throttled-" + i;
      wireMock.stubFor(post("/").atPriority(1).inScenario(storm).whenScenarioStateIs(state)
          .withHeader("Authorization", containing(IAM_SIGNED))
          .willReturn(iamError(400, "Throttling", "Rate exceeded")).willSetStateTo(next));
      state = next;
    }
    moto.iam().createUser(r -> r.userName("carol"));

    ScanResult result = scanner(everyCollector(), REGIONS).scan(viaWireMock(), emitted::add, ScanProgress.NONE);

    assertThat(result.failures()).isEmpty();
    assertThat(emitted).anySatisfy(s -> assertThat(s.getResourceName()).isEqualTo("carol"));
    int iamRequests = wireMock.findAll(postRequestedFor(anyUrl()).withHeader("Authorization", containing(IAM_SIGNED))).size();
    // At least the 6 throttled attempts were retried (a busy emulator may cause another retry).
    assertThat(iamRequests).as("6 throttled attempts were retried")
        .isGreaterThanOrEqualTo(result.callsByService().get("Iam").intValue() + 6);
  }

  /** Issue 15 (a) end to end: `--regions eu-west-1`, the organisation's trail lives in us-east-1. */
  @Test
  void shouldJudgeAMultiRegionTrailOnceWhenOnlyAnotherRegionIsScanned() {
    moto.s3().createBucket(r -> r.bucket("org-trail-logs"));
    moto.cloudTrail().createTrail(r -> r.name("org-trail").s3BucketName("org-trail-logs").isMultiRegionTrail(true));

    ScanResult result = scanner(CloudTrailCollectors.all(), List.of("eu-west-1", "ap-southeast-2"))
        .scan(direct(), emitted::add, ScanProgress.NONE);

    assertThat(result.failures()).isEmpty();
    assertThat(emitted).filteredOn(s -> s.getResourceType().equals("AWS::CloudTrail::Trail"))
        .singleElement().satisfies(s -> {
          assertThat(s.getResourceId()).isEqualTo("org-trail");
          assertThat(s.getAwsRegion()).isEqualTo("us-east-1");
        });
  }

  private static String createVolume(String region) {
    return moto.inRegion(region).ec2().createVolume(r -> r.availabilityZone(region + "a").size(8)).volumeId();
  }

  private static Scanner scanner(List<Collector> collectors, List<String> regions) {
    return new Scanner(collectors, ScanOptions.defaults().withRegions(regions).withThreads(2), CLOCK,
        new ScanInventory());
  }

  private static List<Collector> everyCollector() {
    return Stream.of(IamCollectors.all(2), S3Collectors.all(), CloudTrailCollectors.all(), ConfigCollectors.all())
        .flatMap(List::stream).toList();
  }

  /** A REGIONAL collector that makes no call and marks each region it ran in. */
  private static Collector regionMarker() {
    return new AccountFact("test.region", "Test::Region", Coverage.REGIONAL,
        ctx -> JsonNodeFactory.instance.objectNode());
  }

  private static List<AccountTarget> direct() {
    return List.of(AccountTarget.of(TestAws.settings(emulator.endpoint())));
  }

  private static List<AccountTarget> viaWireMock() {
    return List.of(AccountTarget.of(TestAws.settings(URI.create(wireMock.baseUrl()))));
  }

  private List<ResourceSnapshot> deletions() {
    return emitted.stream()
        .filter(s -> s.getConfigurationItemStatus() == ConfigurationItemStatus.ResourceDeleted).toList();
  }

  private static ResponseDefinitionBuilder iamError(int status, String code, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody("""
        <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <Error>
            <Type>Sender</Type>
            <Code>%s</Code>
            <Message>%s</Message>
          </Error>
          <RequestId>4c3c1f8e-7d21-4c47-9a3e-0b1d2c3e4f5a</RequestId>
        </ErrorResponse>""".formatted(code, message));
  }

  /** Records progress callbacks (they arrive from worker threads). */
  private static final class RecordingProgress implements ScanProgress {
    final List<Integer> planned = new CopyOnWriteArrayList<>();
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> finished = new CopyOnWriteArrayList<>();

    @Override
    public void scopesPlanned(int count) {
      planned.add(count);
    }

    @Override
    public void scopeStarted(Scope scope) {
      started.add(scope.toString());
    }

    @Override
    public void scopeFinished(Scope scope, Outcome outcome) {
      finished.add(scope + " " + outcome);
    }
  }
}
