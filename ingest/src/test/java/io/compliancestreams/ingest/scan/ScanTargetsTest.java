package io.compliancestreams.ingest.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.compliancestreams.ingest.testing.TestAws.ACCOUNT;
import static io.compliancestreams.ingest.testing.TestAws.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.Collector.Coverage;
import io.compliancestreams.ingest.testing.MotoBehindWireMock;
import io.compliancestreams.ingest.testing.TestAws;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * The accounts of a scan with organization discovery, against moto: an organization with member
 * accounts, whose roles moto's STS lets the caller assume. WireMock stands in front of moto where
 * AWS must refuse something.
 */
class ScanTargetsTest {

  /** The role Organizations creates in the accounts it creates (moto does too). */
  private static final String ROLE = "OrganizationAccountAccessRole";

  private static MotoBehindWireMock aws;
  private static AwsEmulator emulator;
  private static WireMockServer wireMock;
  private static AwsClients moto;

  private final List<ResourceSnapshot> emitted = Collections.synchronizedList(new ArrayList<>());
  private String prod;
  private String dev;

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
  void organization() {
    aws.reset();
    OrganizationsClient organizations = moto.organizations();
    organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    prod = createAccount(organizations, "prod");
    dev = createAccount(organizations, "dev");
  }

  @Test
  void shouldScanTheCallersAccountAndEveryMemberAccountThroughItsRole() {
    ScanTargets targets = new ScanTargets(direct(), AwsEmulator.REGION, List.of(), null, new OrganizationAccounts(ROLE));

    ScanResult result = targets.scan(accounts -> scanner().scan(accounts, emitted::add, ScanProgress.NONE));

    assertThat(result.failures()).isEmpty();
    assertThat(result.accounts()).containsExactlyInAnyOrder(ACCOUNT, prod, dev);
    assertThat(emitted).extracting(ResourceSnapshot::getAccountId).containsExactlyInAnyOrder(ACCOUNT, prod, dev);
  }

  @Test
  void shouldAssumeARoleOnceWhenItIsBothConfiguredAndDiscovered() {
    String prodRole = role(prod);
    String elsewhere = "arn:aws:iam::999988887777:role/auditor";
    ScanTargets targets = new ScanTargets(direct(), AwsEmulator.REGION, List.of(prodRole, elsewhere), null,
        new OrganizationAccounts(ROLE));

    List<String> labels = targets.scan(accounts -> accounts.stream().map(AccountTarget::label).toList());

    assertThat(labels).containsExactly("default", prodRole, elsewhere, role(dev));
  }

  @Test
  void shouldScanTheKnownAccountsWhenTheOrganizationCannotBeListed() {
    wireMock.stubFor(post("/").atPriority(1)
        .withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128.ListAccounts"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions to access this resource.\"}")));
    String configured = "arn:aws:iam::999988887777:role/auditor";
    ScanTargets targets = new ScanTargets(viaWireMock(), AwsEmulator.REGION, List.of(configured), null,
        new OrganizationAccounts(ROLE));

    ScanResult result = targets.scan(accounts -> scanner().scan(accounts, emitted::add, ScanProgress.NONE));

    assertThat(result.failures()).isEmpty();
    assertThat(result.accounts()).containsExactlyInAnyOrder(ACCOUNT, "999988887777");
  }

  @Test
  void shouldFailTheScopeOfAMemberWhoseRoleCannotBeAssumedAndDeriveNoDeletionsForIt() {
    ScanTargets targets = new ScanTargets(viaWireMock(), AwsEmulator.REGION, List.of(), null,
        new OrganizationAccounts(ROLE));
    Scanner scanner = scanner();
    targets.scan(accounts -> scanner.scan(accounts, s -> {}, ScanProgress.NONE));
    // Then dev's role stops trusting the scanner: STS's documented error for a refused AssumeRole.
    wireMock.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=AssumeRole"))
        .withRequestBody(containing(dev))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody("""
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>Sender</Type>
                <Code>AccessDenied</Code>
                <Message>User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: sts:AssumeRole on resource: %s</Message>
              </Error>
              <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
            </ErrorResponse>""".formatted(role(dev)))));

    ScanResult result = targets.scan(accounts -> scanner.scan(accounts, emitted::add, ScanProgress.NONE));

    assertThat(result.accounts()).containsExactlyInAnyOrder(ACCOUNT, prod);
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.scope()).isEqualTo(new Scope(role(dev), AwsEmulator.REGION, "sts.caller-identity"));
      assertThat(f.errorCode()).isEqualTo("AccessDenied");
      assertThat(f.denied()).isTrue();
      assertThat(f.reason()).contains("sts:AssumeRole on resource: " + role(dev));
    });
    assertThat(emitted).noneMatch(s -> s.getConfigurationItemStatus() == ConfigurationItemStatus.ResourceDeleted);
    assertThat(result.deletionsByType()).isEmpty();
  }

  private static Scanner scanner() {
    Collector account = new AccountFact("test.account", "Test::Account", Coverage.GLOBAL,
        ctx -> JsonNodeFactory.instance.objectNode());
    return new Scanner(List.of(account), ScanOptions.defaults().withRegions(List.of(AwsEmulator.REGION)).withThreads(2),
        CLOCK, new ScanInventory());
  }

  private static String role(String accountId) {
    return "arn:aws:iam::" + accountId + ":role/" + ROLE;
  }

  private static String createAccount(OrganizationsClient organizations, String name) {
    return organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
        .createAccountStatus().accountId();
  }

  private static AwsSettings direct() {
    return TestAws.settings(emulator.endpoint());
  }

  private static AwsSettings viaWireMock() {
    return TestAws.settings(URI.create(wireMock.baseUrl()));
  }
}
