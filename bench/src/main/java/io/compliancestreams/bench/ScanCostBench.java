package io.compliancestreams.bench;

import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.collect.Collectors;
import io.compliancestreams.ingest.scan.AccountTarget;
import io.compliancestreams.ingest.scan.ScanOptions;
import io.compliancestreams.ingest.scan.ScanProgress;
import io.compliancestreams.ingest.scan.ScanResult;
import io.compliancestreams.ingest.scan.Scanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Scan cost: a full scan of an account generated on moto (IAM users, S3 buckets, KMS keys, EC2
 * volumes) — API calls per service, wall time and calls per resource, so an N+1 shows. Baseline:
 * the emulator's own round trip (sequential STS GetCallerIdentity), times the scan's call count.
 */
final class ScanCostBench {

  private static final int CREATE_THREADS = 8;
  private final Results results;

  ScanCostBench(Results results) {
    this.results = results;
  }

  void run(int resources) throws Exception {
    var credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY));
    try (AwsEmulator aws = AwsEmulator.start()) {
      var http = ApacheHttpClient.builder().maxConnections(CREATE_THREADS * 2);
      Region region = Region.US_EAST_1;
      int users = resources * 4 / 10;
      int buckets = resources * 2 / 10;
      int keys = resources * 2 / 10;
      int volumes = resources - users - buckets - keys;
      long t0 = System.nanoTime();
      try (IamClient iam = IamClient.builder().endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL)
              .credentialsProvider(credentials).httpClientBuilder(http).build();
          S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).forcePathStyle(true).region(region)
              .credentialsProvider(credentials).httpClientBuilder(http).build();
          KmsClient kms = KmsClient.builder().endpointOverride(aws.endpoint()).region(region)
              .credentialsProvider(credentials).httpClientBuilder(http).build();
          Ec2Client ec2 = Ec2Client.builder().endpointOverride(aws.endpoint()).region(region)
              .credentialsProvider(credentials).httpClientBuilder(http).build()) {
        System.out.printf("[scan] creating %,d IAM users, %,d S3 buckets, %,d KMS keys, %,d EC2 volumes on moto%n",
            users, buckets, keys, volumes);
        parallel(users, i -> iam.createUser(b -> b.userName("bench-user-" + i)));
        parallel(buckets, i -> s3.createBucket(b -> b.bucket("bench-bucket-" + i)));
        parallel(keys, i -> kms.createKey(b -> b.description("bench key " + i)));
        parallel(volumes, i -> ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)
            .encrypted(i % 2 == 0)));
      }
      double createSeconds = Pipelines.seconds(System.nanoTime() - t0);

      AwsSettings settings = AwsSettings.emulator(aws.endpoint(), credentials);
      AtomicLong snapshots = new AtomicLong();
      ScanOptions options = ScanOptions.defaults().withRegions(List.of("us-east-1"));
      System.out.printf("[scan] scanning (%d scopes in parallel)%n", options.threads());
      ScanResult result = new Scanner(Collectors.all(), options)
          .scan(List.of(AccountTarget.of(settings)), s -> snapshots.incrementAndGet(), ScanProgress.NONE);
      long calls = result.callsByService().values().stream().mapToLong(Long::longValue).sum();

      double rttMs;
      try (StsClient sts = StsClient.builder().endpointOverride(aws.endpoint()).region(region)
          .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build()) {
        for (int i = 0; i < 20; i++) {
          sts.getCallerIdentity();
        }
        int n = 200;
        long s0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          sts.getCallerIdentity();
        }
        rttMs = (System.nanoTime() - s0) / 1e6 / n;
      }

      double wall = result.duration().toMillis() / 1000.0;
      String measure = String.format("scan %,d resources (moto)", resources);
      results.add(measure, "wall time of the full scan", wall, "s",
          "calls × moto round trip (" + Results.number(rttMs) + " ms), sequential", calls * rttMs / 1000.0);
      results.add(measure, "API calls, all services", calls, "calls", "resources created", resources);
      results.add(measure, "calls per snapshot emitted", calls / (double) Math.max(1, result.snapshots()), "calls",
          "", Double.NaN);
      Map<String, Long> byService = new TreeMap<>(result.callsByService());
      byService.forEach((service, n) -> results.add(measure, "calls: " + service, n, "calls", "", Double.NaN));
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("created", Map.of("iamUsers", users, "s3Buckets", buckets, "kmsKeys", keys, "ec2Volumes", volumes));
      detail.put("createSeconds", createSeconds);
      detail.put("scanSeconds", wall);
      detail.put("callsByService", byService);
      detail.put("snapshotsByType", new TreeMap<>(result.snapshotsByType()));
      detail.put("snapshots", result.snapshots());
      detail.put("failures", result.failures().stream().map(Object::toString).toList());
      detail.put("motoRoundTripMs", rttMs);
      detail.put("scanThreads", options.threads());
      results.detail("scan", detail);
    }
  }

  private static void parallel(int count, IntConsumer create) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CREATE_THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < CREATE_THREADS; t++) {
        int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < count; i += CREATE_THREADS) {
            create.accept(i);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
