package io.compliancestreams.ingest.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static io.compliancestreams.ingest.testing.TestAws.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.testing.MotoBehindWireMock;
import io.compliancestreams.ingest.testing.TestAws;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * Organization discovery against moto (an organization with member accounts created through the
 * Organizations API), and against WireMock in front of moto for what moto cannot be made to
 * answer: several pages, the newer account states, an aws-cn caller, and the errors of a caller
 * that is not the management account.
 */
class OrganizationAccountsTest {

  private static final String ROLE = "ComplianceStreamsReadOnly";
  private static final String LIST_ACCOUNTS = "AWSOrganizationsV20161128.ListAccounts";

  private static MotoBehindWireMock aws;
  private static AwsEmulator emulator;
  private static WireMockServer wireMock;
  private static AwsClients moto;
  private static AwsClients viaWireMock;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(OrganizationAccounts.class);

  @BeforeAll
  static void start() {
    aws = MotoBehindWireMock.start();
    emulator = aws.emulator();
    wireMock = aws.wireMock();
    moto = aws.moto();
    viaWireMock = TestAws.clients(URI.create(wireMock.baseUrl()));
  }

  @AfterAll
  static void stop() {
    viaWireMock.close();
    aws.close();
  }

  @BeforeEach
  void reset() {
    aws.reset();
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(logs);
  }

  @Test
  void shouldReturnTheRoleOfEveryActiveMemberAccountButTheCallers() {
    OrganizationsClient organizations = moto.organizations();
    organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String prod = createAccount(organizations, "prod");
    String dev = createAccount(organizations, "dev");
    String closed = createAccount(organizations, "closed");
    organizations.closeAccount(r -> r.accountId(closed));

    List<String> roles = new OrganizationAccounts(ROLE).roleArns(moto);

    assertThat(roles).containsExactlyInAnyOrder(
        "arn:aws:iam::" + prod + ":role/" + ROLE,
        "arn:aws:iam::" + dev + ":role/" + ROLE);
    assertThat(roles).noneMatch(arn -> arn.contains(ACCOUNT));
    assertThat(warnings()).isEmpty();
  }

  @Test
  void shouldLeaveOutTheExcludedAccounts() {
    OrganizationsClient organizations = moto.organizations();
    organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String prod = createAccount(organizations, "prod");
    String sandbox = createAccount(organizations, "sandbox");

    List<String> roles = new OrganizationAccounts(ROLE).excluding(Set.of(sandbox)).roleArns(moto);

    assertThat(roles).containsExactly("arn:aws:iam::" + prod + ":role/" + ROLE);
  }

  @Test
  void shouldFollowNextTokenThroughAnEmptyPage() {
    // ListAccounts may return an empty page with a NextToken; only a missing token ends the list.
    wireMock.stubFor(listAccounts().withRequestBody(equalToJson("{}")).willReturn(json("ListAccounts_page1.json")));
    wireMock.stubFor(listAccounts().withRequestBody(equalToJson("{\"NextToken\":\"page-2-token\"}"))
        .willReturn(json("ListAccounts_page2.json")));
    wireMock.stubFor(listAccounts().withRequestBody(equalToJson("{\"NextToken\":\"page-3-token\"}"))
        .willReturn(json("ListAccounts_page3.json")));

    List<String> roles = new OrganizationAccounts(ROLE).roleArns(viaWireMock);

    assertThat(roles).containsExactly(
        "arn:aws:iam::111111111111:role/" + ROLE,
        "arn:aws:iam::222222222222:role/" + ROLE);
    wireMock.verify(3, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(LIST_ACCOUNTS)));
  }

  @Test
  void shouldKeepOnlyAccountsWhoseStateIsActive() {
    wireMock.stubFor(listAccounts().willReturn(json("ListAccounts_states.json")));

    List<String> roles = new OrganizationAccounts(ROLE).roleArns(viaWireMock);

    assertThat(roles).containsExactly("arn:aws:iam::111111111111:role/" + ROLE);
  }

  @Test
  void shouldReadTheOlderStatusWhenAnAccountHasNoState() {
    wireMock.stubFor(listAccounts().willReturn(json("ListAccounts_status_only.json")));

    List<String> roles = new OrganizationAccounts(ROLE).roleArns(viaWireMock);

    assertThat(roles).containsExactly("arn:aws:iam::111111111111:role/" + ROLE);
  }

  @Test
  void shouldNameRolesInTheCallersPartition() {
    // STS's documented GetCallerIdentity response, for an IAM user in the China partition.
    wireMock.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=GetCallerIdentity"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws-cn:iam::123456789012:user/compliance-scanner</Arn>
                <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>""")));
    wireMock.stubFor(listAccounts().willReturn(json("ListAccounts_page3.json")));

    List<String> roles = new OrganizationAccounts(ROLE).roleArns(viaWireMock);

    assertThat(roles).containsExactly("arn:aws-cn:iam::222222222222:role/" + ROLE);
  }

  @Test
  void shouldWarnOnceAndFindNothingWhenTheCallerIsNotTheManagementAccount() {
    wireMock.stubFor(listAccounts().willReturn(organizationsError("AccessDeniedException",
        "You don't have permissions to access this resource.")));

    List<String> roles = new OrganizationAccounts(ROLE).roleArns(viaWireMock);

    assertThat(roles).isEmpty();
    assertThat(warnings()).singleElement().satisfies(line -> assertThat(line)
        .contains("account " + ACCOUNT + " may not list", "management account or a delegated administrator", "organizations:ListAccounts",
            "AccessDeniedException", "ListAccounts in us-east-1: You don't have permissions"));
  }

  @Test
  void shouldWarnOnceAndFindNothingWhenTheAccountIsNotInAnOrganization() {
    wireMock.stubFor(listAccounts().willReturn(organizationsError("AWSOrganizationsNotInUseException",
        "Your account is not a member of an organization.")));

    List<String> roles = new OrganizationAccounts(ROLE).roleArns(viaWireMock);

    assertThat(roles).isEmpty();
    assertThat(warnings()).singleElement().satisfies(line -> assertThat(line)
        .contains("account " + ACCOUNT + " is not in an AWS Organization", "AWSOrganizationsNotInUseException"));
  }

  private List<String> warnings() {
    return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static String createAccount(OrganizationsClient organizations, String name) {
    return organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
        .createAccountStatus().accountId();
  }

  private static MappingBuilder listAccounts() {
    return post("/").atPriority(1).withHeader("X-Amz-Target", equalTo(LIST_ACCOUNTS));
  }

  private static ResponseDefinitionBuilder json(String fixture) {
    try (InputStream in = OrganizationAccountsTest.class.getResourceAsStream("/organizations/" + fixture)) {
      return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
          .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON 1.1 service error, as Organizations returns them. */
  private static ResponseDefinitionBuilder organizationsError(String type, String message) {
    return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}");
  }
}
