package io.compliancestreams.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.ingest.aws.AwsClients;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code deploy/iam-policy.json} honest against the code.
 *
 * <p>Method: {@link SdkOperations} reads the constant pool of every compiled class of the ingest
 * module ({@code target/classes}) and lists each reference to a method of an AWS SDK service client
 * ({@code software.amazon.awssdk.services.<svc>.<X>Client}) — every call site and method reference
 * there is. Each operation is mapped to its IAM action ({@code <prefix>:<Operation>}, with the
 * service prefixes and the S3 names that differ listed below) and must be allowed by the policy.
 * Add an SDK call without its action and this test fails, naming the call and the class.
 *
 * <p>Actions the policy needs that are no SDK call of ingest: {@code sts:AssumeRole} (the
 * credentials provider of {@code AssumedRoles}, for member accounts) and {@code kms:Decrypt} via
 * S3/SQS only (SSE-KMS log files and queues). The
 * bucket ARNs in {@code s3:GetObject} are placeholders to replace at deployment; SQS queues are
 * expected to be named {@code compliance-streams-*}.
 */
class IamPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** SDK package → IAM service prefix, where they differ. */
  private static final Map<String, String> PREFIXES = Map.of(
      "s3control", "s3",
      "databasemigration", "dms",
      "opensearch", "es",
      "elasticsearch", "es");

  /** Operations whose IAM action is not named after them. */
  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("s3:ListBuckets", "s3:ListAllMyBuckets"),
      Map.entry("s3:GetBucketEncryption", "s3:GetEncryptionConfiguration"),
      Map.entry("s3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"),
      Map.entry("s3control:GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
      Map.entry("s3:HeadBucket", "s3:ListBucket"),
      Map.entry("s3:HeadObject", "s3:GetObject"),
      Map.entry("s3:GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
      Map.entry("s3:GetBucketReplication", "s3:GetReplicationConfiguration"),
      Map.entry("s3:GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration"),
      Map.entry("s3:GetBucketNotificationConfiguration", "s3:GetBucketNotification"));

  /** Write-like actions a read-only deployment may still hold, each for a stated reason. */
  private static final Set<String> ALLOWED_NON_READS = Set.of(
      "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:ReceiveMessage", // the queue hand-over
      "sts:AssumeRole", "kms:Decrypt",
      "iam:GenerateCredentialReport"); // writes the account's credential report, changes no resource

  @Test
  void shouldAllowEverySdkOperationTheIngestCodeCalls() throws Exception {
    Set<String> allowed = allowedActions(policy());

    List<String> missing = missingActions(SdkOperations.in(classes()), allowed);

    assertThat(missing).as("SDK calls whose IAM action deploy/iam-policy.json does not allow").isEmpty();
  }

  @Test
  void shouldFindTheCallsThisModuleIsKnownToMake() throws Exception {
    // Guards the scanner itself: if it found nothing, the test above would pass vacuously.
    Set<String> found = new TreeSet<>();
    SdkOperations.in(classes()).forEach(op -> found.add(op.id()));

    assertThat(found).contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
        "s3:GetObject", "ec2:DescribeFlowLogs");
  }

  /** The converse: a read the scan stopped making (GetUser, GetUserPolicy, ...) leaves the policy. */
  @Test
  void shouldAllowNoResourceReadTheCodeNoLongerMakes() throws Exception {
    Set<String> called = new TreeSet<>();
    SdkOperations.in(classes()).forEach(op -> called.add(actionOf(op)));
    Set<String> granted = new TreeSet<>();
    for (JsonNode statement : policy().path("Statement")) {
      if ("ReadResourceConfiguration".equals(statement.path("Sid").asText())) {
        statement.path("Action").forEach(a -> granted.add(a.asText()));
      }
    }

    assertThat(granted).as("the scan's read statement").isNotEmpty();
    assertThat(granted).as("actions deploy/iam-policy.json grants that no ingest SDK call needs")
        .isSubsetOf(called);
  }

  @Test
  void shouldReportACallWhoseActionThePolicyLacks() throws Exception {
    Set<String> allowed = new TreeSet<>(allowedActions(policy()));
    allowed.remove("sqs:ChangeMessageVisibility");

    List<String> missing = missingActions(SdkOperations.in(classes()), allowed);

    assertThat(missing).anySatisfy(m -> assertThat(m).isEqualTo("sqs:ChangeMessageVisibility (sqs ChangeMessageVisibility from "
        + "io/compliancestreams/ingest/publish/SqsQueuePoller.class)"));
  }

  @Test
  void shouldGrantOnlyReadsExceptTheNamedHandOverActions() throws Exception {
    List<String> offenders = new ArrayList<>();
    for (String action : allowedActions(policy())) {
      String verb = action.substring(action.indexOf(':') + 1);
      boolean read = verb.startsWith("Describe") || verb.startsWith("List") || verb.startsWith("Get");
      if (action.contains("*") || (!read && !ALLOWED_NON_READS.contains(action))) {
        offenders.add(action);
      }
    }
    assertThat(offenders).as("wildcard or non-read actions").isEmpty();
    assertThat(policy().path("Statement")).allSatisfy(s -> assertThat(s.path("Effect").asText()).isEqualTo("Allow"));
  }

  static List<String> missingActions(Set<SdkOperations.Operation> operations, Set<String> allowed) {
    List<String> missing = new ArrayList<>();
    for (SdkOperations.Operation op : operations) {
      String action = actionOf(op);
      if (!allowed.contains(action)) {
        missing.add(action + " (" + op.service() + " " + op.name() + " from " + op.calledFrom() + ")");
      }
    }
    return missing;
  }

  static String actionOf(SdkOperations.Operation op) {
    String mapped = ACTIONS.get(op.id());
    if (mapped != null) {
      return mapped;
    }
    return PREFIXES.getOrDefault(op.service(), op.service()) + ":" + op.name();
  }

  private static Set<String> allowedActions(JsonNode policy) {
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.path("Statement")) {
      JsonNode action = statement.path("Action");
      if (action.isTextual()) {
        actions.add(action.asText());
      } else {
        action.forEach(a -> actions.add(a.asText()));
      }
    }
    return actions;
  }

  private static JsonNode policy() throws Exception {
    // Surefire runs in the module directory; the policy lives at the repository root.
    return JSON.readTree(Path.of("..", "deploy", "iam-policy.json").toFile());
  }

  private static Path classes() throws URISyntaxException {
    return Path.of(AwsClients.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
