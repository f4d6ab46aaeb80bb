package io.compliancestreams.ingest.collect.iam;

import static io.compliancestreams.ingest.testing.TestAws.ACCOUNT;
import static io.compliancestreams.ingest.testing.TestAws.NOW;
import static io.compliancestreams.ingest.testing.TestAws.collect;
import static io.compliancestreams.ingest.testing.TestAws.configuration;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.testing.TestAws;
import io.compliancestreams.schemas.avro.ConfigurationItemStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The IAM collectors against moto: resources created once with the SDK, then collected with a page
 * size of 2 so that three policies, users and MFA devices span two pages.
 */
class IamCollectorsTest {

  private static final String ADMIN_DOCUMENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String READ_DOCUMENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}]}";
  private static final int PAGE = 2;

  private static AwsEmulator emulator;
  private static AwsClients clients;
  private static String adminPolicyArn;
  private static String boundaryArn;

  @BeforeAll
  static void createAccount() {
    emulator = AwsEmulator.start();
    emulator.reset();
    clients = TestAws.clients(emulator.endpoint());
    IamClient iam = clients.iam();
    adminPolicyArn = iam.createPolicy(r -> r.policyName("AdminAll").policyDocument(ADMIN_DOCUMENT)).policy().arn();
    boundaryArn = iam.createPolicy(r -> r.policyName("Boundary").policyDocument(READ_DOCUMENT)).policy().arn();
    iam.createPolicy(r -> r.policyName("ReadOnly").policyDocument(READ_DOCUMENT));
    for (String name : List.of("alice", "bob", "carol")) {
      iam.createUser(r -> r.userName(name));
    }
    iam.tagUser(r -> r.userName("alice").tags(t -> t.key("team").value("platform")));
    iam.attachUserPolicy(r -> r.userName("alice").policyArn(adminPolicyArn));
    iam.putUserPolicy(r -> r.userName("alice").policyName("inline-read").policyDocument(READ_DOCUMENT));
    iam.createGroup(r -> r.groupName("developers"));
    iam.addUserToGroup(r -> r.groupName("developers").userName("alice"));
    iam.createLoginProfile(r -> r.userName("alice").password("Correct-Horse-1"));
    iam.createAccessKey(r -> r.userName("alice"));
    String serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice-phone"))
        .virtualMFADevice().serialNumber();
    iam.enableMFADevice(r -> r.userName("alice").serialNumber(serial)
        .authenticationCode1("123456").authenticationCode2("654321"));
    iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("spare-1"));
    iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("spare-2"));
  }

  @AfterAll
  static void stop() {
    clients.close();
    emulator.close();
  }

  @Test
  void shouldCollectEveryCustomerManagedPolicyAcrossPagesWithItsDefaultVersionUrlEncoded() {
    List<ResourceSnapshot> policies = collect(new PolicyCollector(PAGE), clients);

    assertThat(policies).extracting(ResourceSnapshot::getResourceName)
        .containsExactlyInAnyOrder("AdminAll", "Boundary", "ReadOnly");
    ResourceSnapshot admin = byName(policies, "AdminAll");
    JsonNode c = configuration(admin);
    assertThat(admin.getResourceType()).isEqualTo("AWS::IAM::Policy");
    assertThat(admin.getAwsRegion()).isEqualTo("global");
    assertThat(admin.getAccountId()).isEqualTo(ACCOUNT);
    assertThat(admin.getArn()).isEqualTo(adminPolicyArn);
    assertThat(admin.getResourceId()).isEqualTo(c.get("policyId").asText());
    assertThat(admin.getCaptureTime()).isEqualTo(NOW);
    assertThat(admin.getConfigurationItemStatus()).isEqualTo(ConfigurationItemStatus.OK);
    assertThat(admin.getSource()).isEqualTo(SnapshotSource.SCAN);
    // The members of the AWS Config item in the practice fixtures (streams practices/01).
    assertThat(fieldNames(c)).containsExactlyInAnyOrder("policyName", "policyId", "arn", "defaultVersionId",
        "attachmentCount", "permissionsBoundaryUsageCount", "isAttachable", "description", "createDate",
        "updateDate", "path", "policyVersionList");
    assertThat(c.get("policyName").asText()).isEqualTo("AdminAll");
    assertThat(c.get("arn").asText()).isEqualTo(adminPolicyArn);
    assertThat(c.get("defaultVersionId").asText()).isEqualTo("v1");
    assertThat(c.get("attachmentCount").asInt()).isEqualTo(1);
    assertThat(c.has("permissionsBoundaryUsageCount")).isTrue();
    assertThat(c.get("isAttachable").asBoolean()).isTrue();
    JsonNode version = c.get("policyVersionList").get(0);
    assertThat(version.get("versionId").asText()).isEqualTo("v1");
    assertThat(version.get("isDefaultVersion").asBoolean()).isTrue();
    assertThat(version.get("document").asText()).startsWith("%7B").doesNotContain("+");
    assertThat(URLDecoder.decode(version.get("document").asText(), StandardCharsets.UTF_8))
        .isEqualTo(ADMIN_DOCUMENT);
  }

  @Test
  void shouldCollectUsersWithAttachedAndInlinePoliciesGroupsAndBoundary() {
    List<ResourceSnapshot> users = collect(new UserCollector(PAGE), clients);

    assertThat(users).extracting(ResourceSnapshot::getResourceName).containsExactlyInAnyOrder("alice", "bob", "carol");
    ResourceSnapshot alice = byName(users, "alice");
    JsonNode c = configuration(alice);
    assertThat(alice.getResourceType()).isEqualTo("AWS::IAM::User");
    assertThat(alice.getAwsRegion()).isEqualTo("global");
    assertThat(alice.getResourceId()).isEqualTo(c.get("userId").asText());
    assertThat(alice.getArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/alice");
    assertThat(alice.getTags()).containsEntry("team", "platform");
    // The members of the AWS Config item in the practice fixtures (streams practices/02).
    assertThat(fieldNames(c)).containsExactlyInAnyOrder("path", "userName", "userId", "arn", "createDate",
        "userPolicyList", "groupList", "attachedManagedPolicies", "permissionsBoundary", "tags");
    assertThat(c.get("userName").asText()).isEqualTo("alice");
    assertThat(c.get("path").asText()).isEqualTo("/");
    assertThat(c.get("attachedManagedPolicies").get(0).get("policyName").asText()).isEqualTo("AdminAll");
    assertThat(c.get("attachedManagedPolicies").get(0).get("policyArn").asText()).isEqualTo(adminPolicyArn);
    JsonNode inline = c.get("userPolicyList").get(0);
    assertThat(inline.get("policyName").asText()).isEqualTo("inline-read");
    assertThat(URLDecoder.decode(inline.get("policyDocument").asText(), StandardCharsets.UTF_8))
        .isEqualTo(READ_DOCUMENT);
    assertThat(c.get("groupList")).hasSize(1);
    assertThat(c.get("groupList").get(0).asText()).isEqualTo("developers");
    assertThat(c.get("tags").get(0).get("key").asText()).isEqualTo("team");
    assertThat(c.get("tags").get(0).get("value").asText()).isEqualTo("platform");
    assertThat(alice.getRelationships()).singleElement().satisfies(r -> {
      assertThat(r.getResourceType()).isEqualTo("AWS::IAM::Group");
      assertThat(r.getResourceName()).isEqualTo("developers");
      assertThat(r.getRelationshipName()).isEqualTo("Is attached to Group");
    });

    JsonNode bob = configuration(byName(users, "bob"));
    assertThat(bob.get("attachedManagedPolicies")).isEmpty();
    assertThat(bob.get("userPolicyList")).isEmpty();
    assertThat(bob.get("groupList")).isEmpty();
    assertThat(bob.get("permissionsBoundary").isNull()).isTrue();
  }

  /**
   * moto has no user permissions boundaries (PutUserPermissionsBoundary answers 500), so WireMock
   * stands in front of it and answers GetAccountAuthorizationDetails as the IAM API reference shows
   * it, alice's boundary included; every other call goes through to moto.
   */
  @Test
  void shouldCarryThePermissionsBoundaryThatGetAccountAuthorizationDetailsReturns() {
    String aliceId = clients.iam().getUser(r -> r.userName("alice")).user().userId();
    WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wireMock.start();
    try (AwsClients viaWireMock = TestAws.clients(URI.create(wireMock.baseUrl()))) {
      wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(emulator.endpoint().toString())));
      wireMock.stubFor(post("/").atPriority(1)
          .withRequestBody(containing("Action=GetAccountAuthorizationDetails&"))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
              <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                <GetAccountAuthorizationDetailsResult>
                  <IsTruncated>false</IsTruncated>
                  <UserDetailList>
                    <member>
                      <GroupList><member>developers</member></GroupList>
                      <AttachedManagedPolicies/>
                      <UserId>%s</UserId>
                      <Path>/</Path>
                      <UserName>alice</UserName>
                      <Arn>arn:aws:iam::%s:user/alice</Arn>
                      <CreateDate>2025-01-06T10:00:00Z</CreateDate>
                      <UserPolicyList/>
                      <PermissionsBoundary>
                        <PermissionsBoundaryType>PermissionsBoundaryPolicy</PermissionsBoundaryType>
                        <PermissionsBoundaryArn>%s</PermissionsBoundaryArn>
                      </PermissionsBoundary>
                      <Tags><member><Key>team</Key><Value>platform</Value></member></Tags>
                    </member>
                  </UserDetailList>
                  <GroupDetailList>
                    <member>
                      <GroupId>AGPAEXAMPLEDEVELOPERS</GroupId>
                      <AttachedManagedPolicies/>
                      <GroupName>developers</GroupName>
                      <Path>/</Path>
                      <Arn>arn:aws:iam::%s:group/developers</Arn>
                      <CreateDate>2025-01-06T10:00:00Z</CreateDate>
                      <GroupPolicyList/>
                    </member>
                  </GroupDetailList>
                  <RoleDetailList/>
                  <Policies/>
                </GetAccountAuthorizationDetailsResult>
                <ResponseMetadata><RequestId>92e79ae7-7399-11e4-8c85-4b53eEXAMPLE</RequestId></ResponseMetadata>
              </GetAccountAuthorizationDetailsResponse>""".formatted(aliceId, ACCOUNT, boundaryArn, ACCOUNT))));

      ResourceSnapshot alice = byName(collect(new UserCollector(PAGE), viaWireMock), "alice");
      JsonNode c = configuration(alice);

      assertThat(c.get("permissionsBoundary").get("permissionsBoundaryType").asText())
          .isEqualTo("PermissionsBoundaryPolicy");
      assertThat(c.get("permissionsBoundary").get("permissionsBoundaryArn").asText()).isEqualTo(boundaryArn);
      assertThat(alice.getRelationships()).singleElement()
          .satisfies(r -> assertThat(r.getResourceId()).isEqualTo("AGPAEXAMPLEDEVELOPERS"));
    } finally {
      wireMock.stop();
    }
  }

  @Test
  void shouldCollectEachUsersCredentialsInTheIamApiShape() {
    List<ResourceSnapshot> credentials = collect(new UserCredentialsCollector(PAGE), clients);

    assertThat(credentials).hasSize(3);
    ResourceSnapshot alice = byName(credentials, "alice");
    JsonNode c = configuration(alice);
    assertThat(alice.getResourceType()).isEqualTo("ComplianceStreams::IAM::UserCredentials");
    assertThat(alice.getAwsRegion()).isEqualTo("global");
    assertThat(alice.getResourceId()).isEqualTo(c.at("/User/UserId").asText());
    assertThat(alice.getArn()).isEqualTo(c.at("/User/Arn").asText());
    assertThat(c.at("/User/UserName").asText()).isEqualTo("alice");
    assertThat(c.at("/User/CreateDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(c.at("/LoginProfile/UserName").asText()).isEqualTo("alice");
    assertThat(c.at("/LoginProfile/CreateDate").isTextual()).isTrue();
    JsonNode key = c.get("AccessKeyMetadata").get(0);
    assertThat(key.get("AccessKeyId").asText()).isNotBlank();
    assertThat(key.get("Status").asText()).isEqualTo("Active");
    assertThat(key.get("UserName").asText()).isEqualTo("alice");
    assertThat(key.get("CreateDate").isTextual()).isTrue();
    assertThat(key.at("/AccessKeyLastUsed/ServiceName").asText()).isEqualTo("N/A");
    assertThat(key.at("/AccessKeyLastUsed/LastUsedDate").isMissingNode()).isTrue();
    assertThat(c.at("/MFADevices/0/SerialNumber").asText()).endsWith("mfa/alice-phone");
    assertThat(c.at("/MFADevices/0/UserName").asText()).isEqualTo("alice");

    JsonNode bob = configuration(byName(credentials, "bob"));
    assertThat(bob.has("LoginProfile")).isTrue();
    assertThat(bob.get("LoginProfile").isNull()).isTrue();
    assertThat(bob.get("AccessKeyMetadata")).isEmpty();
    assertThat(bob.get("MFADevices")).isEmpty();
  }

  @Test
  void shouldAskPerUserOnlyForTheCredentialsTheReportShows() {
    inFrontOfMoto((wireMock, viaWireMock) -> {
      List<ResourceSnapshot> credentials = collect(new UserCredentialsCollector(PAGE), viaWireMock);

      assertThat(credentials).extracting(ResourceSnapshot::getResourceName)
          .containsExactlyInAnyOrder("alice", "bob", "carol");
      // alice has a password, a key and MFA: one call for each; bob and carol have none: no call.
      assertThat(calls(wireMock, "GetLoginProfile")).containsExactly("alice");
      assertThat(calls(wireMock, "ListAccessKeys")).containsExactly("alice");
      assertThat(calls(wireMock, "ListMFADevices")).containsExactly("alice");
      assertThat(calls(wireMock, "GetAccessKeyLastUsed")).isEmpty(); // the report has the last use
      assertThat(calls(wireMock, "GetCredentialReport")).hasSize(1);
    });
  }

  /**
   * Defect (b) of issue 15: a key listed by ListAccessKeys and deleted before its last use is asked
   * (here: a key newer than the report, so its last use must be asked) is skipped; alice is not.
   */
  @Test
  void shouldSkipAnAccessKeyDeletedBetweenTheCallsButKeepItsUser() {
    String aliceCreated = reportTime(clients.iam().getUser(r -> r.userName("alice")).user().createDate());
    String report = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
        + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
        + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
        + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
        + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
        + "cert_2_active,cert_2_last_rotated\n"
        + "<root_account>,arn:aws:iam::" + ACCOUNT + ":root,2020-01-01T00:00:00+00:00,not_supported,"
        + "2026-05-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,"
        + "N/A,N/A,false,N/A,false,N/A\n"
        + "alice,arn:aws:iam::" + ACCOUNT + ":user/alice," + aliceCreated + ",true,N/A," + aliceCreated
        + ",N/A,true,true,2020-01-01T00:00:00+00:00,2020-02-01T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,"
        + "N/A,N/A,false,N/A,false,N/A\n";
    inFrontOfMoto((wireMock, viaWireMock) -> {
      wireMock.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=GetCredentialReport&"))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
              <GetCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                <GetCredentialReportResult>
                  <Content>%s</Content>
                  <ReportFormat>text/csv</ReportFormat>
                  <GeneratedTime>2026-06-01T08:00:00Z</GeneratedTime>
                </GetCredentialReportResult>
                <ResponseMetadata><RequestId>29f47818-99f5-11e1-a4c3-27EXAMPLE804</RequestId></ResponseMetadata>
              </GetCredentialReportResponse>""".formatted(
                  Base64.getEncoder().encodeToString(report.getBytes(StandardCharsets.UTF_8))))));
      stubKeyVanished(wireMock);

      List<ResourceSnapshot> credentials = collect(new UserCredentialsCollector(PAGE), viaWireMock);

      assertThat(credentials).extracting(ResourceSnapshot::getResourceName)
          .containsExactlyInAnyOrder("alice", "bob", "carol");
      JsonNode alice = configuration(byName(credentials, "alice"));
      assertThat(alice.get("AccessKeyMetadata")).isEmpty();
      assertThat(alice.at("/LoginProfile/UserName").asText()).isEqualTo("alice");
      assertThat(alice.at("/MFADevices/0/SerialNumber").asText()).endsWith("mfa/alice-phone");
      assertThat(calls(wireMock, "GetAccessKeyLastUsed")).hasSize(1);
    });
  }

  @Test
  void shouldAskTheApiOnATargetedRescanAndSkipAVanishedKeyThere() {
    inFrontOfMoto((wireMock, viaWireMock) -> {
      List<ResourceSnapshot> fresh = new java.util.ArrayList<>();
      new UserCredentialsCollector(PAGE).collectOne(TestAws.context(viaWireMock), "alice", fresh::add);

      JsonNode alice = configuration(only(fresh));
      assertThat(alice.at("/AccessKeyMetadata/0/AccessKeyLastUsed/ServiceName").asText()).isEqualTo("N/A");
      assertThat(calls(wireMock, "GetCredentialReport")).isEmpty(); // may be hours old: not for a rescan
      assertThat(calls(wireMock, "ListAccessKeys")).containsExactly("alice");

      stubKeyVanished(wireMock);
      List<ResourceSnapshot> raced = new java.util.ArrayList<>();
      new UserCredentialsCollector(PAGE).collectOne(TestAws.context(viaWireMock), "alice", raced::add);

      JsonNode kept = configuration(only(raced));
      assertThat(kept.get("AccessKeyMetadata")).isEmpty();
      assertThat(kept.at("/LoginProfile/UserName").asText()).isEqualTo("alice");
    });
  }

  /** IAM's answer for a key that no longer exists, in the IAM Query API's XML error shape. */
  private static void stubKeyVanished(WireMockServer wireMock) {
    wireMock.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=GetAccessKeyLastUsed&"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml").withBody("""
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error>
                <Type>Sender</Type>
                <Code>NoSuchEntity</Code>
                <Message>The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.</Message>
              </Error>
              <RequestId>4d3f7a3c-8f5e-11e4-9bd4-EXAMPLE</RequestId>
            </ErrorResponse>""")));
  }

  /** The UserName of each request of that IAM action WireMock saw ("" when it has none). */
  private static List<String> calls(WireMockServer wireMock, String action) {
    return wireMock.getAllServeEvents().stream()
        .map(e -> e.getRequest().getBodyAsString())
        .filter(body -> body.contains("Action=" + action + "&"))
        .map(body -> {
          for (String param : body.split("&")) {
            if (param.startsWith("UserName=")) {
              return URLDecoder.decode(param.substring("UserName=".length()), StandardCharsets.UTF_8);
            }
          }
          return "";
        })
        .toList();
  }

  private static String reportTime(java.time.Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
  }

  private static void inFrontOfMoto(java.util.function.BiConsumer<WireMockServer, AwsClients> test) {
    WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wireMock.start();
    try (AwsClients viaWireMock = TestAws.clients(URI.create(wireMock.baseUrl()))) {
      wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(emulator.endpoint().toString())));
      test.accept(wireMock, viaWireMock);
    } finally {
      wireMock.stop();
    }
  }

  @Test
  void shouldCollectTheAccountSummaryOncePerAccount() {
    ResourceSnapshot summary = only(collect(AccountFacts.accountSummary(), clients));

    assertThat(summary.getResourceType()).isEqualTo("ComplianceStreams::IAM::AccountSummary");
    assertThat(summary.getResourceId()).isEqualTo(ACCOUNT);
    assertThat(summary.getAwsRegion()).isEqualTo("global");
    assertThat(summary.getArn()).isNull();
    JsonNode map = configuration(summary).get("SummaryMap");
    assertThat(map.get("Users").asInt()).isEqualTo(3);
    assertThat(map.get("AccountMFAEnabled").isInt()).isTrue();
    assertThat(map.get("AccountAccessKeysPresent").isInt()).isTrue();
  }

  @Test
  void shouldMergeEveryPageOfVirtualMfaDevicesWithoutTheirSeeds() {
    ResourceSnapshot devices = only(collect(AccountFacts.virtualMfaDevices(PAGE), clients));

    JsonNode c = configuration(devices);
    assertThat(devices.getResourceType()).isEqualTo("ComplianceStreams::IAM::VirtualMFADevices");
    assertThat(devices.getResourceId()).isEqualTo(ACCOUNT);
    assertThat(c.get("IsTruncated").asBoolean()).isFalse();
    assertThat(c.get("VirtualMFADevices")).hasSize(3);
    JsonNode alicePhone = find(c.get("VirtualMFADevices"), "SerialNumber", "arn:aws:iam::" + ACCOUNT + ":mfa/alice-phone");
    assertThat(alicePhone.at("/User/UserName").asText()).isEqualTo("alice");
    assertThat(alicePhone.at("/User/Arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/alice");
    c.get("VirtualMFADevices").forEach(d -> {
      assertThat(d.has("Base32StringSeed")).isFalse();
      assertThat(d.has("QRCodePNG")).isFalse();
    });
  }

  @Test
  void shouldReportAnAbsentPasswordPolicyAsNullThenTheConfiguredOne() {
    ResourceSnapshot none = only(collect(AccountFacts.passwordPolicy(), clients));
    assertThat(none.getResourceType()).isEqualTo("ComplianceStreams::IAM::PasswordPolicy");
    assertThat(none.getResourceId()).isEqualTo(ACCOUNT);
    assertThat(none.getAwsRegion()).isEqualTo("global");
    assertThat(none.getConfiguration()).isEqualTo("{\"PasswordPolicy\":null}");

    clients.iam().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireSymbols(true)
        .requireNumbers(true).maxPasswordAge(90).passwordReusePrevention(24));
    try {
      JsonNode policy = configuration(only(collect(AccountFacts.passwordPolicy(), clients))).get("PasswordPolicy");
      assertThat(policy.get("MinimumPasswordLength").asInt()).isEqualTo(14);
      assertThat(policy.get("RequireSymbols").asBoolean()).isTrue();
      assertThat(policy.get("MaxPasswordAge").asInt()).isEqualTo(90);
      assertThat(policy.get("PasswordReusePrevention").asInt()).isEqualTo(24);
    } finally {
      clients.iam().deleteAccountPasswordPolicy();
    }
  }

  private static ResourceSnapshot byName(List<ResourceSnapshot> snapshots, String name) {
    return snapshots.stream().filter(s -> name.equals(s.getResourceName())).findFirst()
        .orElseThrow(() -> new AssertionError("no snapshot named " + name));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static ResourceSnapshot only(List<ResourceSnapshot> snapshots) {
    assertThat(snapshots).hasSize(1);
    return snapshots.get(0);
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.path(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no entry with " + field + " = " + value + " in " + array);
  }
}
