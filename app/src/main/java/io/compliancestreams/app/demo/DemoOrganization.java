package io.compliancestreams.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.config.ConfigurationItemMapper;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated organisation: two accounts × three regions of AWS Config configuration items and
 * extension snapshots, generated deterministically (fixed seed) from templates that are copies of
 * the practices' own fixtures ({@code demo/templates/NN-*.json}). Each copy gets its own ids,
 * names, ARNs, account and region; its timestamps keep their age relative to {@code now}, so a key
 * that was 10 days old in the fixture is 10 days old today. About seven in ten findings pass.
 */
final class DemoOrganization {

  static final String PROD = "111122223333";
  static final String DEV = "444455556666";
  static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
  static final String HOME_REGION = "us-east-1";
  private static final long SEED = 20260601L;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The VPC the security group templates belong to, and the volume the snapshot templates copy. */
  private static final String TEMPLATE_VPC = "vpc-0a12b34c56d78e90f";
  private static final String TEMPLATE_VOLUME = "vol-0a1b2c3d4e5f60718";
  private static final Pattern TIMESTAMP =
      Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2}))\"");

  /** The resources the script acts on (all passing at first, all in the prod account). */
  record Targets(Target bucket, Target defaultSecurityGroup, Target snapshot, Target kmsKey, Target trail) {}

  /** One resource: where it is and how CloudTrail names it. */
  record Target(String accountId, String region, String resourceId, String name, String arn) {}

  private final List<JsonNode> items;
  private final Targets targets;

  private DemoOrganization(List<JsonNode> items, Targets targets) {
    this.items = List.copyOf(items);
    this.targets = targets;
  }

  /** The configuration items, captured at {@code now}. */
  List<JsonNode> items() {
    return items;
  }

  Targets targets() {
    return targets;
  }

  /** The items as the snapshot contract carries them (key = canonical resource key). */
  List<ResourceSnapshot> snapshots() {
    return items.stream().map(ConfigurationItemMapper::map).toList();
  }

  static DemoOrganization generate(Instant now) {
    return new Generator(now).run();
  }

  /** Builds the items; one instance per generation (it holds the random source and the output). */
  private static final class Generator {

    private final Instant now;
    private final Random random = new Random(SEED);
    private final Map<String, JsonNode> templates = new HashMap<>();
    private final List<JsonNode> out = new ArrayList<>();
    private Target bucket;
    private Target securityGroup;
    private Target snapshot;
    private Target kmsKey;
    private Target trail;

    Generator(Instant now) {
      this.now = now;
    }

    DemoOrganization run() {
      account(PROD, "prod", false);
      account(DEV, "dev", true);
      return new DemoOrganization(out, new Targets(bucket, securityGroup, snapshot, kmsKey, trail));
    }

    private void account(String account, String env, boolean dev) {
      // IAM and account-wide facts (region "global").
      String[] policies = {"ReportsReadOnly", "DeployPipeline", "BillingViewer", "SupportAccess", "BreakGlassAdmin"};
      for (int i = 0; i < policies.length; i++) {
        boolean fail = i == policies.length - 1 || (dev && (i == 1 || i == 2));
        add(fail ? "01-fail-star-on-star" : "01-pass-scoped-default-version", account, "global",
            "ANPA" + upper(16), policies[i] + (dev ? "Dev" : ""));
      }
      String[] users = dev
          ? new String[] {"sam.lee", "ci-dev-runner", "tomas.novak", "qa-bot", "old-integration", "priya.k"}
          : new String[] {"alice.nguyen", "ci-deployer", "carol.smith", "backup-agent", "dave.legacy", "erin.ops"};
      String[] credentials = {"05-pass-console-user-with-mfa", "03-pass-recent-key", "05-pass-console-user-with-mfa",
          "03-pass-recent-key", dev ? "08-fail-password-unused" : "03-fail-old-active-key",
          dev ? "05-fail-console-user-without-mfa" : "05-pass-console-user-with-mfa"};
      for (int i = 0; i < users.length; i++) {
        String id = "AIDA" + upper(16);
        boolean inline = i == 4 || (dev && i == 3);
        add(inline ? "02-fail-inline-policy" : "02-pass-groups-and-boundary", account, "global", id, users[i]);
        add(credentials[i], account, "global", id, users[i]);
      }
      add(dev ? "04-fail-root-key-present" : "06-pass-hardware-mfa-AccountSummary", account, "global", null, null);
      add("06-pass-hardware-mfa-VirtualMFADevices", account, "global", null, null);
      add(dev ? "07-fail-weak-policy" : "07-pass-strong-policy", account, "global", null, null);
      add(dev ? "09-fail-not-configured" : "09-pass-all-four-enabled", account, "global", null, null);

      for (String region : REGIONS) {
        region(account, env, dev, region);
      }
    }

    private void region(String account, String env, boolean dev, String region) {
      boolean home = region.equals(HOME_REGION);
      String[] buckets = {"invoices", "audit-logs", "media", "backups", "ml-datasets", "exports", "static-site", "tmp-uploads"};
      for (int i = 0; i < buckets.length; i++) {
        String template = switch (i) {
          case 2 -> "10-pass-sse-kms-default";
          case 6 -> "11-fail-policy-flags-off";
          case 5 -> dev ? "11-fail-policy-flags-off" : "11-pass-all-four-enabled";
          case 7 -> dev || region.equals("ap-southeast-2") ? "10-fail-no-encryption-rule" : "11-pass-all-four-enabled";
          default -> "11-pass-all-four-enabled";
        };
        String name = "acme-" + env + "-" + buckets[i] + "-" + region;
        JsonNode item = add(template, account, region, name, name);
        if (bucket == null && !dev && home) {
          bucket = target(item);
        }
      }
      // Practice 12: the per-region Trails extension; practices 13/14: the trail in its home region,
      // shadow copies elsewhere (their HomeRegion stays us-east-1).
      addAt("12-pass-multi-region-trail-logging", account, region);
      JsonNode trailItem = addAt(home ? "13-pass-kms-key" : "13-na-shadow-copy", account, region);
      if (trail == null && !dev && home) {
        trail = target(trailItem);
      }
      if (dev && region.equals("eu-west-1")) {
        add("14-fail-validation-disabled", account, region, null, null);
      }
      add(dev && region.equals("ap-southeast-2") ? "15-fail-recorder-stopped" : "15-pass-recording-all-supported",
          account, region, null, null);
      for (int i = 0; i < 8; i++) {
        String template = i == 6 || (dev && i == 5) ? "16-fail-attached-unencrypted" : i == 7 ? "16-na-unattached" : "16-pass-attached-encrypted";
        add(template, account, region, "vol-" + hex(17), null);
      }
      boolean unusedDefaultVpc = dev && !home;
      String vpcId = "vpc-" + hex(17);
      add(unusedDefaultVpc ? "17-fail-unused-default-vpc" : "17-pass-all-traffic", account, region, vpcId, null);
      boolean openDefault = dev && !region.equals(HOME_REGION);
      JsonNode defaultGroup = add(openDefault ? "18-fail-factory-rules" : "18-pass-closed-default-group",
          account, region, "sg-" + hex(17), "default", Map.of(TEMPLATE_VPC, vpcId));
      if (securityGroup == null && !dev && region.equals("eu-west-1")) {
        securityGroup = target(defaultGroup);
      }
      add("18-na-application-group", account, region, "sg-" + hex(17), "web-tier", Map.of(TEMPLATE_VPC, vpcId));
      add("18-na-application-group", account, region, "sg-" + hex(17), "batch-workers", Map.of(TEMPLATE_VPC, vpcId));
      add(dev && region.equals("ap-southeast-2") ? "19-fail-disabled-in-unused-region" : "19-pass-enabled",
          account, region, null, null);
      add(dev && region.equals("eu-west-1") ? "20-fail-public-instance" : "20-pass-private-instance",
          account, region, null, null);
      for (int i = 0; i < 4; i++) {
        String template = i == 3 ? (dev ? "21-fail-public" : "21-pass-shared-with-one-account") : "21-pass-private";
        JsonNode item = add(template, account, region, "snap-" + hex(17), null, Map.of(TEMPLATE_VOLUME, "vol-" + hex(17)));
        if (snapshot == null && !dev && region.equals("eu-west-1") && i == 0) {
          snapshot = target(item);
        }
      }
      add("22-pass-opensearch-encrypted", account, region, null, "search-" + env);
      add(dev ? "22-fail-elasticsearch-not-encrypted" : "22-pass-elasticsearch-encrypted", account, region, null,
          "app-logs-" + env);
      add(dev && region.equals("eu-west-1") ? "23-fail-direct-internet-default" : "23-pass-vpc-only", account, region,
          null, "notebook-" + env + "-" + region);
      String[] functions = {"orders-api", "image-resizer", "nightly-report", "webhook-relay", "audit-forwarder", "legacy-export"};
      for (int i = 0; i < functions.length; i++) {
        boolean deprecated = (i == 5 && (dev || home)) || (dev && i == 4);
        add(deprecated ? "24-fail-deprecated-python38" : "24-pass-python312", account, region, null,
            env + "-" + functions[i]);
      }
      for (int i = 0; i < 3; i++) {
        String template = i == 2 ? "25-na-aws-managed-key" : "25-pass-enabled-customer-key";
        JsonNode item = add(template, account, region, uuid(), null);
        if (kmsKey == null && !dev && region.equals("eu-west-1") && i == 0) {
          kmsKey = target(item);
        }
      }
      add(dev && region.equals("ap-southeast-2") ? "26-fail-suspended-detector" : "26-pass-enabled-detector",
          account, region, null, null);
    }

    /**
     * One copy of a template: {@code newId}/{@code newName} replace the template's resourceId and
     * resourceName wherever they occur (ARNs, nested ids), then its account and region are
     * replaced by the target's. Null keeps the template's value (account-keyed types).
     */
    private JsonNode add(String template, String account, String region, String newId, String newName) {
      return add(template, account, region, newId, newName, Map.of());
    }

    /** As above, with other ids of the template replaced too (the VPC a group belongs to). */
    private JsonNode add(String template, String account, String region, String newId, String newName,
        Map<String, String> also) {
      JsonNode t = template(template);
      String text = t.toString();
      for (Map.Entry<String, String> e : also.entrySet()) {
        text = text.replace(e.getKey(), e.getValue());
      }
      String oldId = t.path("resourceId").asText();
      String oldName = t.path("resourceName").asText("");
      String oldAccount = t.path("accountId").asText();
      String oldRegion = t.path("awsRegion").asText();
      if (newName != null && !oldName.isEmpty() && !oldName.equals(newName)) {
        if (newId == null && oldId.contains(oldName)) {
          newId = oldId.replace(oldName, newName);
        }
        text = replaceQuotedAndPaths(text, oldName, newName);
      }
      if (newId != null && !oldId.equals(oldAccount)) {
        text = text.replace(oldId, newId);
      }
      text = text.replace(oldAccount, account);
      if (!oldRegion.equals("global") && !region.equals("global")) {
        text = text.replace(oldRegion, region);
      }
      return finish(text, t, account, region);
    }

    /** A copy moved to another account and region without rewriting region text (trail copies). */
    private JsonNode addAt(String template, String account, String region) {
      JsonNode t = template(template);
      String text = t.toString().replace(t.path("accountId").asText(), account);
      return finish(text, t, account, region);
    }

    private JsonNode finish(String text, JsonNode template, String account, String region) {
      Instant captured = Instant.parse(template.path("configurationItemCaptureTime").asText());
      ObjectNode item = (ObjectNode) parse(shiftTimestamps(text, Duration.between(captured, now)));
      item.put("accountId", account);
      item.put("awsRegion", region);
      item.put("configurationItemCaptureTime", now.toString());
      item.remove("configurationStateId");
      out.add(item);
      return item;
    }

    /** Replaces a short name only where it stands alone or ends an ARN path ({@code user/bob}). */
    private static String replaceQuotedAndPaths(String text, String oldName, String newName) {
      return text.replace("\"" + oldName + "\"", "\"" + newName + "\"")
          .replace("/" + oldName + "\"", "/" + newName + "\"")
          .replace(":" + oldName + "\"", ":" + newName + "\"")
          .replace(oldName + "-", newName + "-");
    }

    private String shiftTimestamps(String text, Duration shift) {
      Matcher m = TIMESTAMP.matcher(text);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        Instant shifted = OffsetDateTime.parse(m.group(1)).toInstant().plus(shift);
        m.appendReplacement(sb, Matcher.quoteReplacement("\"" + shifted + "\""));
      }
      m.appendTail(sb);
      return sb.toString();
    }

    private JsonNode template(String name) {
      return templates.computeIfAbsent(name, n -> {
        try (InputStream in = DemoOrganization.class.getResourceAsStream("/demo/templates/" + n + ".json")) {
          if (in == null) {
            throw new IllegalStateException("demo template missing from the jar: " + n);
          }
          return JSON.readTree(in);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    private static JsonNode parse(String text) {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Target target(JsonNode item) {
      return new Target(item.path("accountId").asText(), item.path("awsRegion").asText(),
          item.path("resourceId").asText(), item.path("resourceName").asText(null),
          item.path("arn").asText(null));
    }

    private String hex(int length) {
      return chars("0123456789abcdef", length);
    }

    private String upper(int length) {
      return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", length);
    }

    private String uuid() {
      return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-8" + hex(3) + "-" + hex(12);
    }

    private String chars(String alphabet, int length) {
      StringBuilder sb = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return sb.toString();
    }
  }
}
