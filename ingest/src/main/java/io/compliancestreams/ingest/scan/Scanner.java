package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs collectors over accounts × regions. For each account: its id from STS, its regions (the
 * configured list, else every enabled region), then one scope per GLOBAL collector and one per
 * REGIONAL collector and region, run on a pool of {@link ScanOptions#threads()} threads. A scope
 * that throws is FAILED with its reason (an AccessDenied is logged as one WARN line) and the scan
 * goes on. Snapshots go to the sink as they are collected (one at a time: the sink need not be
 * thread-safe); a succeeded scope then adds a ResourceDeleted snapshot for each resource it
 * reported in the previous scan and not in this one ({@link ScanInventory}).
 *
 * <pre>{@code
 * Scanner scanner = new Scanner(Collectors.all(), ScanOptions.defaults());
 * ScanResult result = scanner.scan(List.of(AccountTarget.of(settings)), producer::send, ScanProgress.NONE);
 * }</pre>
 *
 * <p>Keep one scanner for the life of the process: its inventory is what later scans compare with.
 * To carry the inventory over a restart, give it a {@link ScanInventory} with a journal, restored
 * before the first scan.
 */
public final class Scanner {

  private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);

  private final List<Collector> collectors;
  private final ScanOptions options;
  private final Clock clock;
  private final ScanInventory inventory;

  public Scanner(List<Collector> collectors, ScanOptions options) {
    this(collectors, options, Clock.systemUTC(), new ScanInventory());
  }

  public Scanner(List<Collector> collectors, ScanOptions options, Clock clock, ScanInventory inventory) {
    this.collectors = List.copyOf(collectors);
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }

  public ScanInventory inventory() {
    return inventory;
  }

  /** Scans every account into a sink that takes each snapshot at once; returns when every scope has finished. */
  public ScanResult scan(List<AccountTarget> accounts, SnapshotSink sink, ScanProgress progress) {
    return scanAndPublish(accounts, snapshot -> {
      sink.accept(snapshot);
      return CompletableFuture.completedFuture(null);
    }, progress);
  }

  /**
   * Scans every account, publishing each snapshot to {@code sink}; returns when every scope has
   * finished and every send has completed. Only acknowledged snapshots are counted in
   * {@link ScanResult#snapshots()} and recorded in the inventory; the others are counted in
   * {@link ScanResult#unpublished()} with their reasons.
   */
  public ScanResult scanAndPublish(List<AccountTarget> accounts, ScanSink sink, ScanProgress progress) {
    Instant startedAt = clock.instant();
    long began = System.nanoTime();
    String scanId = UUID.randomUUID().toString();
    CallCounter calls = new CallCounter();
    ScanTally tally = new ScanTally();
    ScanSink serialSink = serialised(sink, tally);
    List<AwsClients> toClose = new ArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), workerThreads());
    try {
      for (AccountTarget account : accounts) {
        List<ScopeRun> runs = plan(account, scanId, calls, serialSink, tally, progress, toClose);
        progress.scopesPlanned(runs.size());
        runs.forEach(run -> running.add(pool.submit(run)));
      }
      awaitAll(running);
    } finally {
      pool.shutdownNow();
      // Regional copies first: the account's home clients own the HTTP client they share.
      for (int i = toClose.size() - 1; i >= 0; i--) {
        toClose.get(i).close();
      }
    }
    ScanResult result = new ScanResult(scanId, startedAt, Duration.ofNanos(System.nanoTime() - began),
        tally.snapshots(), tally.deletions(), calls.byService(), tally.accounts(), tally.succeededCount(),
        tally.failures(), tally.unpublished(), tally.publishErrors());
    LOG.info("Scan {} finished in {} ms: {} snapshots, {} not published, {} scopes succeeded, {} failed, {} API calls",
        scanId, result.duration().toMillis(), result.snapshots(), result.unpublished(), result.scopesSucceeded(),
        result.failures().size(), calls.total());
    return result;
  }

  /** The scopes of one account; failures to learn its id or regions are recorded as failed scopes. */
  private List<ScopeRun> plan(AccountTarget account, String scanId, CallCounter calls, ScanSink sink,
      ScanTally tally, ScanProgress progress, List<AwsClients> toClose) {
    AwsClients home = AwsClients.create(account.settings(), options.homeRegion(), calls);
    toClose.add(home);
    String accountId;
    try {
      accountId = home.sts().getCallerIdentity().account();
    } catch (RuntimeException e) {
      fail(new Scope(account.label(), options.homeRegion(), "sts.caller-identity"), e, tally);
      return List.of();
    }
    tally.account(accountId);
    List<String> regions = options.regions();
    if (regions.isEmpty()) {
      try {
        regions = EnabledRegions.of(home.ec2());
      } catch (RuntimeException e) {
        fail(new Scope(accountId, options.homeRegion(), "ec2.regions"), e, tally);
        regions = List.of(); // the GLOBAL collectors still run
      }
    }
    Map<String, AwsClients> byRegion = new LinkedHashMap<>();
    for (String region : regions) {
      AwsClients clients = region.equals(options.homeRegion()) ? home : home.inRegion(region);
      if (clients != home) {
        toClose.add(clients);
      }
      byRegion.put(region, clients);
    }
    List<ScopeRun> runs = new ArrayList<>();
    for (Collector collector : collectors) {
      if (collector.coverage() == Collector.Coverage.GLOBAL) {
        runs.add(run(new Scope(accountId, AccountFact.GLOBAL_REGION, collector.name()), collector,
            new CollectContext(accountId, options.homeRegion(), home, clock, scanId, SnapshotSource.SCAN),
            sink, tally, progress));
      } else {
        List<String> scanRegions = List.copyOf(byRegion.keySet());
        byRegion.forEach((region, clients) -> runs.add(run(new Scope(accountId, region, collector.name()),
            collector, new CollectContext(accountId, region, clients, clock, scanId, SnapshotSource.SCAN,
                scanRegions),
            sink, tally, progress)));
      }
    }
    return runs;
  }

  private ScopeRun run(Scope scope, Collector collector, CollectContext context, ScanSink sink,
      ScanTally tally, ScanProgress progress) {
    return new ScopeRun(scope, collector, context, inventory, sink, tally, progress);
  }

  private static void fail(Scope scope, RuntimeException e, ScanTally tally) {
    ScopeFailure failure = Failures.of(scope, e);
    tally.failed(failure);
    LOG.warn("Scope {} FAILED: {}", scope, failure.reason());
  }

  /**
   * The sink called one snapshot at a time (it need not be thread-safe); each snapshot is counted
   * once its send completed: as emitted when acknowledged, as unpublished with its reason if not.
   */
  private static ScanSink serialised(ScanSink sink, ScanTally tally) {
    Object lock = new Object();
    return snapshot -> {
      CompletableFuture<Void> acked;
      synchronized (lock) {
        try {
          acked = sink.publish(snapshot);
        } catch (RuntimeException e) {
          acked = CompletableFuture.failedFuture(e);
        }
      }
      return acked.whenComplete((ok, error) -> {
        if (error == null) {
          tally.emitted(snapshot);
        } else {
          tally.unpublished(snapshot, reason(error));
        }
      });
    };
  }

  /** What went wrong, without the wrappers futures add. */
  static String reason(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof java.util.concurrent.CompletionException
        || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  private static void awaitAll(List<Future<?>> running) {
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Scan interrupted", e);
      } catch (ExecutionException e) {
        // ScopeRun catches every RuntimeException; only an Error gets here.
        throw new IllegalStateException("A scope died", e.getCause());
      }
    }
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger next = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "scan-worker-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
