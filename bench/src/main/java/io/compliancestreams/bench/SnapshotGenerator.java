package io.compliancestreams.bench;

import io.compliancestreams.bench.FixtureTemplates.TypeTemplates;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a deterministic stream of snapshots over {@code resources} distinct resources from
 * the fixture templates: resource types in the proportions the fixtures have, the per-account
 * facts (password policy, account summary, EBS default encryption, …) once per account, about 200
 * resources per account. The first {@code resources} records introduce every resource once; each
 * later round re-sends every resource with a newer capture time, and switches a share of them
 * ({@code changeShare}) to another variant of their type, which changes a practice's status.
 */
final class SnapshotGenerator {

  private final List<TypeTemplates> facts = new ArrayList<>();
  private final List<TypeTemplates> types = new ArrayList<>();
  /** One entry per resource-like template variant: the mix follows the fixtures. */
  private final int[] mix;
  private final int resources;
  private final int accounts;
  private final int factResources;
  private final int[] variant;
  private final double changeShare;
  private final SplittableRandom random;
  private final long baseMillis;

  SnapshotGenerator(int resources, double changeShare, long seed, Instant base) {
    this.resources = resources;
    this.changeShare = changeShare;
    this.random = new SplittableRandom(seed);
    this.baseMillis = base.toEpochMilli();
    for (TypeTemplates t : FixtureTemplates.byType()) {
      (t.accountFact() ? facts : types).add(t);
    }
    List<Integer> flat = new ArrayList<>();
    for (int t = 0; t < types.size(); t++) {
      for (int v = 0; v < types.get(t).variants().size(); v++) {
        flat.add(t);
      }
    }
    mix = flat.stream().mapToInt(Integer::intValue).toArray();
    this.accounts = Math.max(1, resources / 200);
    this.factResources = Math.min(resources / 2, accounts * facts.size());
    this.variant = new int[resources];
    for (int i = 0; i < resources; i++) {
      variant[i] = (int) Math.floorMod(mix(i), 1_000_003L) % templatesOf(i).variants().size();
    }
  }

  int resources() {
    return resources;
  }

  int accounts() {
    return accounts;
  }

  private static long mix(long i) {
    long z = i * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }

  private TypeTemplates templatesOf(int i) {
    if (i < factResources) {
      return facts.get(i % facts.size());
    }
    return types.get(mix[(int) Math.floorMod(mix(i), (long) mix.length)]);
  }

  private String accountOf(int i) {
    int a = i < factResources ? i / facts.size() : (i - factResources) % accounts;
    return String.format("%012d", 100_000_000_000L + a);
  }

  /** The k-th record of the stream: resource {@code k % resources}, round {@code k / resources}. */
  ResourceSnapshot record(long k) {
    int i = (int) (k % resources);
    long round = k / resources;
    TypeTemplates t = templatesOf(i);
    int n = t.variants().size();
    if (round > 0 && n > 1 && random.nextDouble() < changeShare) {
      variant[i] = (variant[i] + 1 + random.nextInt(n - 1)) % n;
    }
    return snapshot(i, t.variants().get(0), t.variants().get(variant[i]), baseMillis + round * 60_000L);
  }

  /** The record's timestamp: its capture time. */
  static long timestamp(ResourceSnapshot s) {
    return s.getCaptureTime().toEpochMilli();
  }

  /**
   * Resource i from a variant; its id and region come from the type's first variant (not from the
   * variant), so switching variants changes the resource instead of creating another one.
   */
  private ResourceSnapshot snapshot(int i, ResourceSnapshot first, ResourceSnapshot template, long captureMillis) {
    String account = accountOf(i);
    String oldAccount = template.getAccountId();
    String oldId = template.getResourceId();
    String id = oldId.equals(oldAccount) ? account : first.getResourceId() + "-b" + i;
    String region = first.getAwsRegion();
    String arn = template.getArn() == null ? null
        : template.getArn().replace(oldAccount, account).replace(oldId, id)
            .replace(":" + template.getAwsRegion() + ":", ":" + region + ":");
    return ResourceSnapshot.newBuilder(template)
        .setAccountId(account)
        .setAwsRegion(region)
        .setResourceId(id)
        .setResourceName(template.getResourceName() == null ? null : id)
        .setArn(arn)
        .setConfiguration(template.getConfiguration().replace(oldAccount, account))
        .setCaptureTime(Instant.ofEpochMilli(captureMillis))
        .setConfigurationStateId(Long.toString(captureMillis))
        .build();
  }
}
