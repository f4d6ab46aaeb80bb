package io.compliancestreams.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.app.demo.DemoOrganization.Target;
import io.compliancestreams.app.demo.DemoOrganization.Targets;
import io.compliancestreams.app.http.DeltaFeed.FeedItem;
import io.compliancestreams.ingest.cloudtrail.ReplaySource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The scripted CloudTrail stream: someone weakens five things, later three are fixed. Each step is
 * a real CloudTrail record ({@code demo/cloudtrail/}, sources in its README) retargeted at the
 * organisation's resources, with a fresh event id and time, sent through the real
 * {@link ReplaySource}. After each step the script waits (capped) for the delta it expects, says
 * how long detection took, then pauses.
 */
final class DemoScript {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DELTA_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration PAUSE = Duration.ofSeconds(3);
  private static final DateTimeFormatter KMS_DATE =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  /**
   * One call: what a person did, the record it is made from, what the pipeline should say
   * ({@code control} and {@code kind}; null control = no delta expected).
   */
  record Step(String story, String sample, String eventSource, String eventName, Target target,
      String control, String kind, BiConsumer<ObjectNode, Target> fill) {}

  private final ReplaySource replay;
  private final DeltaWatch watch;
  private final PrintStream out;
  private final Clock clock;
  private final double speed;
  private final DeltaLine style;

  DemoScript(ReplaySource replay, DeltaWatch watch, PrintStream out, Clock clock, double speed, DeltaLine style) {
    this.replay = replay;
    this.watch = watch;
    this.out = out;
    this.clock = clock;
    this.speed = speed;
    this.style = style;
  }

  /** The steps, in order: five regressions (and one harmless call), then three fixes. */
  static List<Step> steps(Targets t) {
    String bucket = t.bucket().resourceId();
    return List.of(
        new Step("Someone deletes the default encryption of bucket " + bucket + ". Since January 2023 S3"
            + " falls back to SSE-S3 (AES256), so S3.4 stays PASS: no delta expected.",
            "s3.amazonaws.com/DeleteBucketEncryption-1.json", "s3.amazonaws.com", "DeleteBucketEncryption",
            t.bucket(), null, null, DemoScript::bucketRequest),
        new Step("...and removes its Block Public Access configuration.",
            "s3.amazonaws.com/DeleteBucketPublicAccessBlock-1.json", "s3.amazonaws.com",
            "DeleteBucketPublicAccessBlock", t.bucket(), "S3.8", "REGRESSED", DemoScript::bucketRequest),
        new Step("Someone opens SSH to the world on the default security group "
            + t.defaultSecurityGroup().resourceId() + ".",
            "ec2.amazonaws.com/AuthorizeSecurityGroupIngress-1.json", "ec2.amazonaws.com",
            "AuthorizeSecurityGroupIngress", t.defaultSecurityGroup(), "EC2.2", "REGRESSED",
            DemoScript::openSsh),
        new Step("Someone makes EBS snapshot " + t.snapshot().resourceId() + " public.",
            "ec2.amazonaws.com/ModifySnapshotAttribute-3.json", "ec2.amazonaws.com", "ModifySnapshotAttribute",
            t.snapshot(), "EC2.1", "REGRESSED", DemoScript::shareWithAll),
        new Step("Someone schedules the deletion of KMS key " + t.kmsKey().resourceId() + " in 7 days.",
            "kms.amazonaws.com/DisableKey-3.json", "kms.amazonaws.com", "ScheduleKeyDeletion",
            t.kmsKey(), "KMS.3", "REGRESSED", (r, k) -> keyRequest(r, k, true)),
        new Step("Someone stops the multi-Region trail " + t.trail().name() + ".",
            "cloudtrail.amazonaws.com/StopLogging-1.json", "cloudtrail.amazonaws.com", "StopLogging",
            t.trail(), "CloudTrail.1", "REGRESSED", DemoScript::trailRequest),
        new Step("Fix: the bucket's Block Public Access is put back, all four flags on.",
            "s3.amazonaws.com/PutBucketPublicAccessBlock-1.json", "s3.amazonaws.com",
            "PutBucketPublicAccessBlock", t.bucket(), "S3.8", "RESOLVED", DemoScript::blockPublicAccess),
        new Step("Fix: the key deletion is cancelled (the key stays disabled until someone enables it).",
            "kms.amazonaws.com/DisableKey-3.json", "kms.amazonaws.com", "CancelKeyDeletion",
            t.kmsKey(), "KMS.3", "RESOLVED", (r, k) -> keyRequest(r, k, false)),
        new Step("Fix: the trail logs again.",
            "cloudtrail.amazonaws.com/StopLogging-1.json", "cloudtrail.amazonaws.com", "StartLogging",
            t.trail(), "CloudTrail.1", "RESOLVED", DemoScript::trailRequest));
  }

  /** Runs the steps; returns how many expected deltas arrived. */
  int run(List<Step> steps) throws IOException, InterruptedException {
    int detected = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Target target = step.target();
      String call = step.eventSource().replace(".amazonaws.com", "") + ":" + step.eventName();
      out.printf("%n%s [%d/%d] %s on %s (%s/%s)%n      %s%n", style.paint("==>", DeltaLine.BOLD), i + 1,
          steps.size(), call, target.arn() != null ? target.arn() : target.resourceId(), target.accountId(),
          target.region(), step.story());
      int before = watch.count();
      ObjectNode record = record(step);
      long sent = System.nanoTime();
      ReplaySource.Result result = replay.replay(
          new ByteArrayInputStream((record + "\n").getBytes(StandardCharsets.UTF_8)), "demo step " + (i + 1));
      if (result.events() != 1) {
        out.printf("      (the replay source did not accept the record: %d events, %d dead letters)%n",
            result.events(), result.deadLetters());
      }
      if (step.control() != null) {
        Optional<FeedItem> delta = watch.awaitDelta(before, d -> step.control().equals(d.controlId())
            && step.kind().equals(d.changeKind()) && target.accountId().equals(d.accountId()), DELTA_TIMEOUT);
        if (delta.isPresent()) {
          detected++;
          out.printf("      %s %s detected %d ms after the record was in Kafka%n", step.control(), step.kind(),
              Duration.ofNanos(System.nanoTime() - sent).toMillis());
        } else {
          out.printf("      no %s %s delta within %d s%n", step.control(), step.kind(), DELTA_TIMEOUT.toSeconds());
        }
      }
      if (i < steps.size() - 1) {
        Thread.sleep(pause(speed).toMillis());
      }
    }
    return detected;
  }

  static Duration pause(double speed) {
    return Duration.ofMillis((long) (PAUSE.toMillis() / speed));
  }

  /** The sample record retargeted: this step's call, account, region, caller, id and time. */
  ObjectNode record(Step step) {
    ObjectNode r = sample(step.sample()).deepCopy();
    Target t = step.target();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    r.remove(List.of("errorCode", "errorMessage", "tlsDetails", "vpcEndpointId", "resources",
        "additionalEventData", "eventCategory"));
    r.put("eventVersion", "1.09");
    r.set("userIdentity", caller(t.accountId()));
    r.put("eventTime", now.toString());
    r.put("eventSource", step.eventSource());
    r.put("eventName", step.eventName());
    r.put("awsRegion", t.region());
    r.put("sourceIPAddress", "203.0.113.24");
    r.put("userAgent", "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.11.9");
    r.put("requestID", UUID.randomUUID().toString());
    r.put("eventID", UUID.randomUUID().toString());
    r.put("readOnly", false);
    r.put("eventType", "AwsApiCall");
    r.put("managementEvent", true);
    r.put("recipientAccountId", t.accountId());
    r.putNull("responseElements");
    step.fill().accept(r, t);
    return r;
  }

  private static ObjectNode caller(String account) {
    ObjectNode id = JSON.createObjectNode();
    id.put("type", "AssumedRole");
    id.put("principalId", "AROAZ6DEMOADMINROLE01:jane.doe");
    id.put("arn", "arn:aws:sts::" + account + ":assumed-role/AdministratorAccess/jane.doe");
    id.put("accountId", account);
    id.put("accessKeyId", "ASIAZ6DEMOSESSION001");
    ObjectNode issuer = id.putObject("sessionContext").putObject("sessionIssuer");
    issuer.put("type", "Role");
    issuer.put("principalId", "AROAZ6DEMOADMINROLE01");
    issuer.put("arn", "arn:aws:iam::" + account + ":role/AdministratorAccess");
    issuer.put("accountId", account);
    issuer.put("userName", "AdministratorAccess");
    return id;
  }

  private static void bucketRequest(ObjectNode r, Target bucket) {
    ObjectNode req = (ObjectNode) r.get("requestParameters");
    req.put("bucketName", bucket.resourceId());
    req.put("Host", bucket.resourceId() + ".s3." + bucket.region() + ".amazonaws.com");
    req.remove("host");
  }

  private static void blockPublicAccess(ObjectNode r, Target bucket) {
    bucketRequest(r, bucket);
    ObjectNode config = (ObjectNode) r.get("requestParameters").get("PublicAccessBlockConfiguration");
    config.put("RestrictPublicBuckets", true);
    config.put("BlockPublicPolicy", true);
    config.put("BlockPublicAcls", true);
    config.put("IgnorePublicAcls", true);
    ((ObjectNode) r.get("requestParameters")).put("publicAccessBlock", "");
  }

  private static void openSsh(ObjectNode r, Target group) {
    ObjectNode req = (ObjectNode) r.get("requestParameters");
    req.put("groupId", group.resourceId());
    req.put("cidrIp", "0.0.0.0/0");
    req.put("ipProtocol", "tcp");
    req.put("fromPort", 22);
    req.put("toPort", 22);
    ObjectNode resp = r.putObject("responseElements");
    resp.put("requestId", r.path("requestID").asText());
    resp.put("_return", true);
    ObjectNode rule = resp.putObject("securityGroupRuleSet").putArray("items").addObject();
    rule.put("groupOwnerId", group.accountId());
    rule.put("groupId", group.resourceId());
    rule.put("securityGroupRuleId", "sgr-0" + group.resourceId().substring(4));
    rule.put("isEgress", false);
    rule.put("ipProtocol", "tcp");
    rule.put("fromPort", 22);
    rule.put("toPort", 22);
    rule.put("cidrIpv4", "0.0.0.0/0");
  }

  private static void shareWithAll(ObjectNode r, Target snapshot) {
    ((ObjectNode) r.get("requestParameters")).put("snapshotId", snapshot.resourceId());
    ObjectNode resp = r.putObject("responseElements");
    resp.put("requestId", r.path("requestID").asText());
    resp.put("_return", true);
  }

  private static void keyRequest(ObjectNode r, Target key, boolean schedule) {
    ObjectNode req = r.putObject("requestParameters");
    req.put("keyId", key.resourceId());
    ObjectNode resp = r.putObject("responseElements");
    resp.put("keyId", key.arn());
    if (schedule) {
      req.put("pendingWindowInDays", 7);
      Instant deletion = Instant.parse(r.path("eventTime").asText()).plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.DAYS);
      resp.put("deletionDate", KMS_DATE.format(deletion));
      resp.put("keyState", "PendingDeletion");
      resp.put("pendingWindowInDays", 7);
    }
    ArrayNode resources = r.putArray("resources");
    ObjectNode resource = resources.addObject();
    resource.put("accountId", key.accountId());
    resource.put("type", "AWS::KMS::Key");
    resource.put("ARN", key.arn());
  }

  private static void trailRequest(ObjectNode r, Target trail) {
    ((ObjectNode) r.get("requestParameters")).put("name", trail.arn());
  }

  private static JsonNode sample(String path) {
    try (InputStream in = DemoScript.class.getResourceAsStream("/demo/cloudtrail/" + path)) {
      if (in == null) {
        throw new IllegalStateException("demo CloudTrail record missing from the jar: " + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
